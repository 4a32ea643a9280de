/// The few non-ASCII marks the views use besides the widgets' own, with their ASCII stand-ins.
enum ViewGlyphs {
    /// Between items in a title: " · " or " - ".
    static func separator(ascii: Bool) -> String { ascii ? " - " : " · " }

    /// § before a specification section, or `s` in ASCII.
    static func section(ascii: Bool) -> String { ascii ? "s" : "§" }

    /// ▼ (largest or newest first) or ▲.
    static func sortArrow(ascending: Bool, ascii: Bool) -> String {
        ascending ? (ascii ? "^" : "▲") : (ascii ? "v" : "▼")
    }

    /// Marks an acknowledged alert.
    static func check(ascii: Bool) -> String { ascii ? "ack" : "✓" }

    /// Before the listen address in the header.
    static func incoming(ascii: Bool) -> String { ascii ? "<- " : "⇣ " }

    /// In "1–8/20".
    static func rangeDash(ascii: Bool) -> String { ascii ? "-" : "–" }

    /// In "60×16".
    static func times(ascii: Bool) -> String { ascii ? "x" : "×" }
}
