extension DashboardLayout {
    /// The layout a frame is drawn with: panels get rows by what the frame's snapshot has to show.
    public init(width: Int, height: Int, state: NavigationState, frame: DashboardFrame) {
        self.init(width: width, height: height, state: state, content: LayoutContent(frame.snapshot))
    }

    /// The hit map of the frame this layout draws for `state`: every panel, each list row on
    /// screen (the row under the column header, counted from the list's scroll offset), the
    /// trace detail, and on top the filter input and the help overlay.
    public func hitMap(state: NavigationState) -> HitMap {
        var map = HitMap()
        guard !isTooSmall else { return map }
        for (panel, outer) in panels.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            map.record(.panel(panel), outer)
            let inner = Box.inner(of: outer)
            let offset = state.selection(of: panel).offset
            for line in 0..<visibleRows(of: panel) where line + 1 < inner.height {
                map.record(.row(panel, index: offset + line), Rect(x: inner.x, y: inner.y + 1 + line, width: inner.width, height: 1))
            }
        }
        if let waterfallBox {
            map.record(.traceDetail, waterfallBox)
            // Under the box's title and the waterfall's time axis, one row per visible span.
            let inner = Box.inner(of: waterfallBox)
            let offset = state.traceDetail?.selection.offset ?? 0
            for line in 0..<max(0, inner.height - 1) {
                map.record(.waterfallRow(index: offset + line), Rect(x: inner.x, y: inner.y + 1 + line, width: inner.width, height: 1))
            }
        }
        if let spanBox { map.record(.traceDetail, spanBox) }
        if let filterInput { map.record(.overlay, filterInput) }
        if state.helpShown { map.record(.overlay, main) }
        return map
    }
}
