/// What a cell means, not how it looks: cells store a role and the theme maps each role to colours
/// when the canvas is blitted or exported, so one rendered canvas can be shown in any theme.
public enum Role: Hashable, Sendable {
    case text
    case muted
    case title
    case border
    case focusedBorder
    case selection
    case header
    case headerAccent
    case ok
    case warning
    case critical
    case info
    case gaugeOK
    case gaugeWarning
    case gaugeCritical
    case gaugeEmpty
    case sparkline
    case link
    /// Key names in the footer and the help overlay.
    case key
    /// The colour of a service in the waterfall; any index is allowed and cycles over
    /// `serviceCount` theme colours (see `canonical`).
    case service(Int)

    /// How many distinct service colours a theme defines.
    public static let serviceCount = 8

    /// Every role a theme defines: the fixed roles, then `service(0)` … `service(serviceCount - 1)`.
    public static let allCases: [Role] = [
        .text, .muted, .title, .border, .focusedBorder, .selection, .header, .headerAccent,
        .ok, .warning, .critical, .info, .gaugeOK, .gaugeWarning, .gaugeCritical, .gaugeEmpty,
        .sparkline, .link, .key,
    ] + (0..<serviceCount).map { Role.service($0) }

    /// The same role with a service index folded into `0..<serviceCount` (negative indices too).
    public var canonical: Role {
        guard case .service(let index) = self else { return self }
        let folded = index % Role.serviceCount
        return .service(folded < 0 ? folded + Role.serviceCount : folded)
    }

    /// The role's name in theme files, kebab-case: "focused-border", "gauge-ok", "service-3".
    public var name: String {
        switch canonical {
        case .text: "text"
        case .muted: "muted"
        case .title: "title"
        case .border: "border"
        case .focusedBorder: "focused-border"
        case .selection: "selection"
        case .header: "header"
        case .headerAccent: "header-accent"
        case .ok: "ok"
        case .warning: "warning"
        case .critical: "critical"
        case .info: "info"
        case .gaugeOK: "gauge-ok"
        case .gaugeWarning: "gauge-warning"
        case .gaugeCritical: "gauge-critical"
        case .gaugeEmpty: "gauge-empty"
        case .sparkline: "sparkline"
        case .link: "link"
        case .key: "key"
        case .service(let index): "service-\(index)"
        }
    }

    /// The role named `name` in a theme file. Case, "-" and "_" are ignored, so "focused-border",
    /// "focused_border" and "focusedBorder" all work; services are "service-0" … "service-7".
    public init?(name: String) {
        let key = Role.normalized(name)
        guard let role = Role.byNormalizedName[key] else { return nil }
        self = role
    }

    private static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "-" && $0 != "_" })
    }

    private static let byNormalizedName: [String: Role] = Dictionary(
        uniqueKeysWithValues: allCases.map { (normalized($0.name), $0) }
    )
}
