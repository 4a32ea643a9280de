/// Modifier keys held with a key, as terminals report them: xterm's modifier parameter
/// (`ESC [ 1 ; 5 C` is Ctrl-Right) or an Esc prefix (`ESC x` is Alt-x). Meta is folded into Alt.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = KeyModifiers(rawValue: 1 << 0)
    public static let alt = KeyModifiers(rawValue: 1 << 1)
    public static let ctrl = KeyModifiers(rawValue: 1 << 2)

    /// The modifiers of xterm's parameter: 1 + a bit mask of Shift 1, Alt 2, Ctrl 4, Meta 8.
    /// Nil for values no terminal sends (0, or beyond every bit set).
    public init?(xtermParameter value: Int) {
        guard (1...16).contains(value) else { return nil }
        let mask = value - 1
        var modifiers: KeyModifiers = []
        if mask & 1 != 0 { modifiers.insert(.shift) }
        if mask & (2 | 8) != 0 { modifiers.insert(.alt) }
        if mask & 4 != 0 { modifiers.insert(.ctrl) }
        self = modifiers
    }

    /// "Ctrl-Alt-Shift-" for labels.
    var labelPrefix: String {
        (contains(.ctrl) ? "Ctrl-" : "") + (contains(.alt) ? "Alt-" : "") + (contains(.shift) ? "Shift-" : "")
    }
}
