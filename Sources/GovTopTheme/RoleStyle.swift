/// How a theme draws one role: a foreground, an optional background and attributes.
public struct RoleStyle: Hashable, Sendable {
    public var fg: Color
    /// nil: the theme's background (the `text` role's background, else the terminal's).
    public var bg: Color?
    /// Added to the attributes of every cell in this role.
    public var attributes: TextAttributes

    public init(fg: Color = .default, bg: Color? = nil, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public init(fg: Color = .default, bg: Color? = nil, bold: Bool) {
        self.init(fg: fg, bg: bg, attributes: bold ? .bold : [])
    }
}

/// The concrete look of one cell: colours already degraded to the output's depth, attributes
/// merged from the cell and its role.
public struct ResolvedStyle: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var attributes: TextAttributes

    public init(fg: Color, bg: Color, attributes: TextAttributes) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
}
