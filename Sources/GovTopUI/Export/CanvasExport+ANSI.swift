extension CanvasExport {
    static let escape = "\u{1B}["

    /// The canvas as text with SGR escape sequences for `theme` at `depth`. Each row ends with a
    /// reset ("ESC[0m") and "\n"; each style change emits one full sequence that starts with a
    /// reset, so every run stands alone. Trailing blank cells that would show nothing are left out.
    public static func ansi(_ canvas: Canvas, theme: Theme, depth: ColorDepth) -> String {
        let plain = ResolvedStyle(fg: .default, bg: .default, attributes: [])
        var output = ""
        var resolved: [CellStyle: ResolvedStyle] = [:]
        for y in 0..<canvas.height {
            let row = (0..<canvas.width).compactMap { x -> (Cell, ResolvedStyle)? in
                guard let cell = canvas.cell(x: x, y: y), !cell.isContinuation else { return nil }
                if let style = resolved[cell.style] { return (cell, style) }
                let style = theme.resolve(cell.style, depth: depth)
                resolved[cell.style] = style
                return (cell, style)
            }
            var end = row.count
            while end > 0, isInvisible(row[end - 1].0, row[end - 1].1) { end -= 1 }
            var current = plain
            for (cell, style) in row[..<end] {
                if style != current {
                    output += sgr(style)
                    current = style
                }
                output += cell.grapheme
            }
            output += escape + "0m\n"
        }
        return output
    }

    /// "ESC[0;…m" for `style`: attributes (1 bold, 2 dim, 3 italic, 4 underline, 7 reverse), then
    /// foreground and background; default colours are left to the reset.
    static func sgr(_ style: ResolvedStyle) -> String {
        var parameters = ["0"]
        let codes: [(TextAttributes, String)] = [(.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7")]
        for (attribute, code) in codes where style.attributes.contains(attribute) {
            parameters.append(code)
        }
        if let fg = colorParameters(style.fg, background: false) { parameters.append(fg) }
        if let bg = colorParameters(style.bg, background: true) { parameters.append(bg) }
        return escape + parameters.joined(separator: ";") + "m"
    }

    static func colorParameters(_ color: Color, background: Bool) -> String? {
        switch color {
        case .default:
            return nil
        case .basic(let basic):
            let base = (basic.isBright ? 90 : 30) + (background ? 10 : 0)
            return String(base + basic.rawValue % 8)
        case .indexed(let index):
            return (background ? "48;5;" : "38;5;") + String(index)
        case .rgb(let rgb):
            return (background ? "48;2;" : "38;2;") + "\(rgb.red);\(rgb.green);\(rgb.blue)"
        }
    }
}
