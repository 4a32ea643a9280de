/// Rows and columns with a header line, the selected row drawn in the `selection` role, cells cut
/// with "…" to their column. Rows come from a closure asked only for the visible indices, so a view
/// never formats rows that are scrolled away.
public struct Table: Sendable {
    public var columns: [TableColumn]
    /// Blank columns between two columns.
    public var spacing: Int
    public var showsHeader: Bool
    /// Shown (muted, centred) in the first row when there are no rows.
    public var emptyMessage: String?
    /// Cut cells with "~" instead of "…".
    public var ascii: Bool

    public init(columns: [TableColumn], spacing: Int = 1, showsHeader: Bool = true, emptyMessage: String? = nil, ascii: Bool = false) {
        self.columns = columns
        self.spacing = spacing
        self.showsHeader = showsHeader
        self.emptyMessage = emptyMessage
        self.ascii = ascii
    }

    /// How many rows fit in `area` under the header (for `ListState.scrolledToShow`).
    public func visibleRows(in area: Rect) -> Int {
        max(0, area.height - (showsHeader ? 1 : 0))
    }

    /// Draws rows `0..<rowCount`; `row(index)` is called once per visible row. `state` is made
    /// valid with `scrolledToShow` before drawing (the caller's copy is not changed).
    public func render(
        into canvas: inout Canvas,
        area: Rect,
        state: ListState,
        rowCount: Int,
        row: (Int) -> [TableCell]
    ) {
        guard !area.isEmpty else { return }
        let widths = TableLayout.columnWidths(columns, totalWidth: area.width, spacing: spacing)
        var body = area
        if showsHeader {
            let titles = columns.map { TableCell($0.title) }
            drawLine(titles, widths: widths, into: &canvas, area: area.row(0), lineStyle: CellStyle(.header), override: .header)
            body = area.inset(top: 1)
        }
        let visible = visibleRows(in: area)
        let shownState = state.scrolledToShow(rowCount: rowCount, visibleRows: visible)
        if rowCount <= 0, let emptyMessage, !body.isEmpty {
            let text = DisplayWidth.fit(TerminalText.sanitize(emptyMessage), width: body.width, alignment: .center, ellipsis: ascii ? DisplayWidth.asciiEllipsis : DisplayWidth.ellipsis)
            canvas.put(text, at: body.x, y: body.y, style: CellStyle(.muted), maxWidth: body.width)
            return
        }
        for (line, index) in shownState.visibleRange(rowCount: rowCount, visibleRows: visible).enumerated() {
            let selected = index == shownState.selected
            drawLine(
                row(index), widths: widths, into: &canvas, area: body.row(line),
                lineStyle: CellStyle(selected ? .selection : .text), override: selected ? .selection : nil
            )
        }
    }

    /// Draws all of `rows` (convenience for short tables).
    public func render(into canvas: inout Canvas, area: Rect, state: ListState, rows: [[TableCell]]) {
        render(into: &canvas, area: area, state: state, rowCount: rows.count) { rows[$0] }
    }

    private func drawLine(
        _ cells: [TableCell],
        widths: [Int],
        into canvas: inout Canvas,
        area: Rect,
        lineStyle: CellStyle,
        override: Role?
    ) {
        canvas.fill(area, style: lineStyle)
        var x = area.x
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            if index < cells.count {
                let cell = cells[index]
                let text = DisplayWidth.fit(
                    TerminalText.sanitize(cell.text), width: widths[index], alignment: column.alignment,
                    ellipsis: ascii ? DisplayWidth.asciiEllipsis : DisplayWidth.ellipsis
                )
                let style = CellStyle(override ?? cell.role, cell.attributes.union(lineStyle.attributes))
                canvas.put(text, at: x, y: area.y, style: style, maxWidth: min(widths[index], area.maxX - x))
            }
            x += widths[index] + max(0, spacing)
        }
    }
}
