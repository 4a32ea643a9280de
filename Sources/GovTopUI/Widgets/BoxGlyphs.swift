/// The characters a border is drawn with.
public struct BoxGlyphs: Hashable, Sendable {
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var horizontal: String
    public var vertical: String

    /// Light lines with rounded corners.
    public static let rounded = BoxGlyphs(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
    /// Heavy lines, for the focused panel (visible without colour too).
    public static let heavy = BoxGlyphs(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
    public static let ascii = BoxGlyphs(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
    public static let asciiFocused = BoxGlyphs(topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#", horizontal: "=", vertical: "|")

    /// The glyphs for a border: heavy when focused, ASCII when the terminal cannot show UTF-8.
    public static func forBorder(focused: Bool, ascii: Bool) -> BoxGlyphs {
        switch (focused, ascii) {
        case (false, false): .rounded
        case (true, false): .heavy
        case (false, true): .ascii
        case (true, true): .asciiFocused
        }
    }
}
