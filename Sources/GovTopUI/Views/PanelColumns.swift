/// A table column a panel may show, with how much it matters: a narrow panel drops the columns
/// with the highest `priority` numbers first, so the important ones survive wherever they sit.
struct PanelColumn {
    var column: TableColumn
    /// 0 first; columns are taken in priority order while their minimum widths fit.
    var priority: Int

    init(_ title: String, _ width: ColumnWidth, _ alignment: TextAlignment = .left, priority: Int) {
        column = TableColumn(title, width: width, alignment: alignment)
        self.priority = priority
    }

    var minimumWidth: Int {
        switch column.width {
        case .fixed(let size), .min(let size): max(0, size)
        case .flex: 1
        }
    }
}

/// The columns of a panel that fit a given width, in display order, with their final widths.
/// Rows are built with every column's cell (see `pick`), so cell code does not care what is shown.
struct PanelColumns {
    static let spacing = 1

    /// Indices into the full column list of the columns shown, in display order.
    let shown: [Int]
    let columns: [TableColumn]
    /// Width of each shown column.
    let widths: [Int]

    init(_ all: [PanelColumn], width: Int) {
        var used = 0
        var chosen = Set<Int>()
        let order = all.indices.sorted { (all[$0].priority, $0) < (all[$1].priority, $1) }
        for index in order {
            let needed = all[index].minimumWidth + (chosen.isEmpty ? 0 : Self.spacing)
            guard used + needed <= width else { continue }
            used += needed
            chosen.insert(index)
        }
        shown = all.indices.filter { chosen.contains($0) }
        columns = shown.map { all[$0].column }
        widths = TableLayout.columnWidths(columns, totalWidth: width, spacing: Self.spacing)
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
