/// The title strip: an optional leading name ("govtop"), the tabs with the selected one in the
/// `headerAccent` role, and optional trailing status text at the right edge, all on one row in the
/// `header` role. When space runs out the trailing text goes first, then tabs are cut with "…".
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int?
    public var leading: String?
    public var trailing: String?
    /// Cut tabs with "~" instead of "…".
    public var ascii: Bool

    public init(titles: [String], selected: Int? = nil, leading: String? = nil, trailing: String? = nil, ascii: Bool = false) {
        self.titles = titles
        self.selected = selected
        self.leading = leading
        self.trailing = trailing
        self.ascii = ascii
    }

    /// Draws on the first row of `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let header = CellStyle(.header)
        canvas.fill(row, style: header)
        var x = row.x
        if let leading, !leading.isEmpty {
            x += canvas.put(" \(leading) ", at: x, y: row.y, style: CellStyle(.header, .bold), maxWidth: row.maxX - x, overflow: .ellipsis(ascii: ascii))
        }
        let labels = titles.map { " \(TerminalText.sanitize($0)) " }
        let tabsWidth = labels.reduce(0) { $0 + $1.displayWidth }
        if let trailing, !trailing.isEmpty {
            let text = " \(TerminalText.sanitize(trailing)) "
            let start = row.maxX - text.displayWidth
            if start >= x + tabsWidth + 1 {
                canvas.put(text, at: start, y: row.y, style: header)
            }
        }
        for (index, label) in labels.enumerated() where x < row.maxX {
            let style = CellStyle(index == selected ? .headerAccent : .header)
            x += canvas.put(label, at: x, y: row.y, style: style, maxWidth: row.maxX - x, overflow: .ellipsis(ascii: ascii))
        }
    }
}
