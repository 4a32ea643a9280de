/// Navigation inside one open trace: the waterfall cursor, which spans are collapsed, and how far
/// the selected span's detail is scrolled.
///
/// The waterfall rows come from the frame (`NavigationContext.waterfall`), all of them in
/// display order; `visibleRowIndices(in:)` says which ones are drawn, and the selection moves
/// over those.
public struct TraceDetailState: Hashable, Sendable {
    public let traceID: String
    /// Cursor over the visible rows; its anchor is the selected span's id.
    public internal(set) var selection = ListSelection()
    /// Spans whose subtrees are hidden.
    public internal(set) var collapsed: Set<String> = []
    /// First line of the span detail on screen; back to 0 when another span is selected.
    public internal(set) var detailScroll = 0

    public init(traceID: String) {
        self.traceID = traceID
    }

    /// Opens the trace with the cursor on one span (conformance: the AWU that broke a rule).
    public init(traceID: String, selecting spanID: String) {
        self.traceID = traceID
        selection = ListSelection(anchor: spanID)
    }

    /// The selected span's id, once a frame with rows has been seen.
    public var selectedSpanID: String? { selection.anchor }

    /// Indices into `rows` of the rows drawn: every row without a collapsed ancestor.
    public func visibleRowIndices(in rows: [WaterfallRow]) -> [Int] {
        var visible: [Int] = []
        visible.reserveCapacity(rows.count)
        var hiddenBelowDepth: Int?
        for (position, row) in rows.enumerated() {
            if let depth = hiddenBelowDepth {
                if row.depth > depth { continue }
                hiddenBelowDepth = nil
            }
            visible.append(position)
            if row.hasChildren, collapsed.contains(row.spanID) { hiddenBelowDepth = row.depth }
        }
        return visible
    }

    /// The list frame of the visible rows, for the selection.
    func frame(of rows: [WaterfallRow], visibleRows: Int) -> ListFrame {
        ListFrame(keys: visibleRowIndices(in: rows).map { rows[$0].spanID }, visibleRows: visibleRows)
    }

    /// Indices into `rows` of the ancestors of the row at `position`, nearest first.
    static func ancestors(of position: Int, in rows: [WaterfallRow]) -> [Int] {
        var result: [Int] = []
        var depth = rows[position].depth
        var cursor = position - 1
        while cursor >= 0, depth > 0 {
            if rows[cursor].depth < depth {
                result.append(cursor)
                depth = rows[cursor].depth
            }
            cursor -= 1
        }
        return result
    }
}
