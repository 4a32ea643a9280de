/// How alarming a gauge is; picks the gauge colour role.
public enum GaugeLevel: Hashable, Sendable {
    case ok
    case warning
    case critical

    public var role: Role {
        switch self {
        case .ok: .gaugeOK
        case .warning: .gaugeWarning
        case .critical: .gaugeCritical
        }
    }
}

/// A one-row meter: filled to `fraction` (values above 1 draw full; the label says by how much)
/// in the colour of `level`, the rest in `gaugeEmpty`. The label sits centred inside the bar
/// (reversed over the filled part so it stays readable) or beside it on the right.
public struct Gauge: Sendable {
    /// Where the label goes: centred over the bar, or to its right.
    public enum LabelPlacement: Hashable, Sendable {
        case inside
        case beside
    }

    public var fraction: Double
    public var level: GaugeLevel
    public var label: String?
    public var labelPlacement: LabelPlacement
    public var ascii: Bool

    public init(fraction: Double, level: GaugeLevel = .ok, label: String? = nil, labelPlacement: LabelPlacement = .beside, ascii: Bool = false) {
        self.fraction = fraction
        self.level = level
        self.label = label
        self.labelPlacement = labelPlacement
        self.ascii = ascii
    }

    static let emptyGlyph = "░"
    static let asciiEmptyGlyph = "."

    /// Draws on the first row of `area`. A label beside the bar is dropped when it would leave the
    /// bar fewer than 3 columns.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let text = TerminalText.sanitize(label ?? "")
        var barWidth = area.width
        if labelPlacement == .beside, !text.isEmpty, area.width - text.displayWidth - 1 >= 3 {
            barWidth = area.width - text.displayWidth - 1
            canvas.put(" " + text, at: area.x + barWidth, y: area.y, style: CellStyle(.text))
        }
        let (filled, filledColumns) = BlockGlyphs.bar(fraction: fraction, width: barWidth, ascii: ascii)
        canvas.put(filled, at: area.x, y: area.y, style: CellStyle(level.role))
        let empty = String(repeating: ascii ? Gauge.asciiEmptyGlyph : Gauge.emptyGlyph, count: barWidth - filledColumns)
        canvas.put(empty, at: area.x + filledColumns, y: area.y, style: CellStyle(.gaugeEmpty))
        guard labelPlacement == .inside, !text.isEmpty else { return }
        let shown = DisplayWidth.truncate(text, toWidth: barWidth, ellipsis: ascii ? DisplayWidth.asciiEllipsis : DisplayWidth.ellipsis)
        let start = area.x + (barWidth - shown.displayWidth) / 2
        let solidColumns = Int((BlockGlyphs.clampedFraction(fraction) * Double(barWidth)).rounded())
        var x = start
        for character in shown {
            let onFill = x - area.x < solidColumns
            x += canvas.put(String(character), at: x, y: area.y, style: onFill ? CellStyle(level.role, .reverse) : CellStyle(.text))
        }
    }
}
