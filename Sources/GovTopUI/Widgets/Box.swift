/// A border around a panel with a title on the top edge (and an optional trailing title at its
/// right, e.g. "12/340"). The interior is cleared. Focused boxes use the `focusedBorder` role and
/// heavy lines; `ascii` switches to `+-|` for terminals without UTF-8 (the caller decides).
public struct Box: Sendable {
    public var title: String?
    public var trailingTitle: String?
    public var focused: Bool
    public var ascii: Bool

    public init(title: String? = nil, trailingTitle: String? = nil, focused: Bool = false, ascii: Bool = false) {
        self.title = title
        self.trailingTitle = trailingTitle
        self.focused = focused
        self.ascii = ascii
    }

    /// The area inside a border drawn on `area`.
    public static func inner(of area: Rect) -> Rect {
        area.inset(by: 1)
    }

    /// Draws the box on `area` and returns the inner area. An area smaller than 2 × 2 draws nothing.
    @discardableResult
    public func render(into canvas: inout Canvas, area: Rect) -> Rect {
        let inner = Box.inner(of: area)
        guard area.width >= 2, area.height >= 2 else { return inner }
        let glyphs = BoxGlyphs.forBorder(focused: focused, ascii: ascii)
        let border = CellStyle(focused ? .focusedBorder : .border)
        let horizontal = String(repeating: glyphs.horizontal, count: area.width - 2)
        canvas.fill(inner)
        canvas.put(glyphs.topLeft + horizontal + glyphs.topRight, at: area.x, y: area.y, style: border)
        canvas.put(glyphs.bottomLeft + horizontal + glyphs.bottomRight, at: area.x, y: area.maxY - 1, style: border)
        for row in (area.y + 1)..<(area.maxY - 1) {
            canvas.put(glyphs.vertical, at: area.x, y: row, style: border)
            canvas.put(glyphs.vertical, at: area.maxX - 1, y: row, style: border)
        }
        drawTitles(into: &canvas, area: area, border: border)
        return inner
    }

    /// Titles go between "─ " and " ─" so at least one border glyph shows on each side.
    private func drawTitles(into canvas: inout Canvas, area: Rect, border: CellStyle) {
        let titleStyle = CellStyle(.title, focused ? .bold : [])
        var used = area.x + 2
        if let title, !title.isEmpty, area.width - 4 >= 3 {
            let text = DisplayWidth.truncate(TerminalText.sanitize(title), toWidth: area.width - 6, ellipsis: ascii ? DisplayWidth.asciiEllipsis : DisplayWidth.ellipsis)
            used += canvas.put(" ", at: used, y: area.y, style: border)
            used += canvas.put(text, at: used, y: area.y, style: titleStyle)
            used += canvas.put(" ", at: used, y: area.y, style: border)
        }
        if let trailingTitle, !trailingTitle.isEmpty {
            let text = TerminalText.sanitize(trailingTitle)
            let start = area.maxX - 2 - (text.displayWidth + 2)
            guard start >= used + 1 else { return }
            var x = start
            x += canvas.put(" ", at: x, y: area.y, style: border)
            x += canvas.put(text, at: x, y: area.y, style: CellStyle(.muted))
            canvas.put(" ", at: x, y: area.y, style: border)
        }
    }
}
