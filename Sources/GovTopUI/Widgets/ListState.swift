/// Selection and scroll position of a list, table or waterfall. Widgets only read it; navigation
/// code owns it and moves it (`scrolledToShow` keeps it consistent with the rows at hand).
public struct ListState: Hashable, Sendable {
    /// The selected row, or nil for none.
    public var selected: Int?
    /// The first visible row.
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// This state made valid for `rowCount` rows of which `visibleRows` fit: the selection clamped
    /// into the rows (nil when there are none), the offset moved the least so the selection is
    /// visible, and never scrolled past the last page.
    public func scrolledToShow(rowCount: Int, visibleRows: Int) -> ListState {
        let rows = max(0, rowCount)
        let visible = max(0, visibleRows)
        var result = self
        if let selected {
            result.selected = rows == 0 ? nil : min(max(0, selected), rows - 1)
        }
        var offset = min(max(0, offset), rows)
        if let selected = result.selected, visible > 0 {
            if selected < offset { offset = selected }
            if selected - offset >= visible { offset = selected - visible + 1 }
        }
        result.offset = min(offset, max(0, rows - visible))
        return result
    }

    /// The row indices that are visible: `offset ..< offset + visibleRows` clipped to the rows.
    public func visibleRange(rowCount: Int, visibleRows: Int) -> Range<Int> {
        let rows = max(0, rowCount)
        let start = min(max(0, offset), rows)
        return start..<(start + min(rows - start, max(0, visibleRows)))
    }
}
