/// A table column a panel may show, with what it needs: a narrow panel drops the columns with the
/// highest `priority` numbers first, names keep their whole text while any column can give way,
/// and spare width goes to the columns whose content needs it (`SpaceShare.widths`).
struct PanelColumn {
    var title: String
    var alignment: TextAlignment
    var minimum: Int
    /// 0 first.
    var priority: Int
    /// A name (team, budget, model, alert subject): it reserves its whole content.
    var isName: Bool
    /// Drawn to whatever width it gets (a bar, a gauge, a message); takes the width left over.
    var fills: Bool

    init(_ title: String, minimum: Int, _ alignment: TextAlignment = .left, priority: Int, name: Bool = false, fills: Bool = false) {
        self.title = title
        self.alignment = alignment
        self.minimum = minimum
        self.priority = priority
        isName = name
        self.fills = fills
    }
}

/// The columns of a panel that fit a given width, in display order, with their final widths,
/// measured on the rows on screen. Rows are built with every column's cell (see `pick`), so cell
/// code does not care what is shown.
struct PanelColumns {
    static let spacing = 1

    /// Indices into the full column list of the columns shown, in display order.
    let shown: [Int]
    let columns: [TableColumn]
    /// Width of each shown column.
    let widths: [Int]

    /// `sample` holds a row of cells (one per column of `all`) for every row on screen; cells that
    /// are drawn to the column's width (bars, gauges) are empty in it.
    init(_ all: [PanelColumn], width: Int, sample: [[TableCell]]) {
        let demands = all.indices.map { index in
            let column = all[index]
            var natural = column.title.displayWidth
            for row in sample where index < row.count {
                let text = row[index].text
                let clean = text.unicodeScalars.contains(where: TerminalText.isControl) ? TerminalText.sanitize(text) : text
                natural = max(natural, clean.displayWidth)
            }
            return WidthDemand(minimum: column.minimum, natural: natural, priority: column.priority, isName: column.isName,
                               fills: column.fills)
        }
        let allWidths = SpaceShare.widths(demands, total: width, spacing: Self.spacing)
        shown = all.indices.filter { allWidths[$0] > 0 }
        widths = shown.map { allWidths[$0] }
        columns = zip(shown, widths).map { TableColumn(all[$0].title, width: .fixed($1), alignment: all[$0].alignment) }
    }

    /// The rows of a list `rowCount` long that a table in `inner` shows for `selection`.
    static func visibleRange(_ selection: ListSelection, rowCount: Int, inner: Rect) -> Range<Int> {
        let visible = max(0, inner.height - 1)
        return ListState(selection, rowCount: rowCount).scrolledToShow(rowCount: rowCount, visibleRows: visible)
            .visibleRange(rowCount: rowCount, visibleRows: visible)
    }

    /// The cells of the shown columns, from a row with a cell for every column.
    func pick(_ cells: [TableCell]) -> [TableCell] {
        shown.map { $0 < cells.count ? cells[$0] : TableCell("") }
    }

    /// The width and left offset of a column (index into the full list), nil when it is hidden.
    func placement(of column: Int) -> (x: Int, width: Int)? {
        guard let position = shown.firstIndex(of: column) else { return nil }
        let x = widths[..<position].reduce(0, +) + position * Self.spacing
        return (x, widths[position])
    }

    /// The table widget for these columns.
    func table(emptyMessage: String?, ascii: Bool) -> Table {
        Table(columns: columns, spacing: Self.spacing, emptyMessage: emptyMessage, ascii: ascii)
    }
}
