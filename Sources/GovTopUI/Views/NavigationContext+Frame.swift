/// The navigation context of a frame, measured on the same layout the view draws, so the reducer
/// and the screen agree on rows, keys and page sizes.
extension NavigationContext {
    /// Keys: trace id hex for Traces, the group key for Teams, the budget name for Budgets, the
    /// alert id for Alerts; the open trace's waterfall rows (`TraceTree.rows`); visible rows of
    /// every list from `DashboardLayout` at `width` × `height` (the dashboard's rects for panels
    /// the current screen does not show).
    ///
    /// The span detail's line count is that of the span selected in `state`; when `reconcile`
    /// moves the waterfall cursor, the next frame's context has the new count (the view clamps
    /// the scroll itself meanwhile).
    public init(frame: DashboardFrame, state: NavigationState, width: Int, height: Int, themeCount: Int = 1) {
        let layout = DashboardLayout(width: width, height: height, state: state, frame: frame)
        let snapshot = frame.snapshot
        var waterfall: [WaterfallRow] = []
        var detailLines = 0
        if let trace = frame.openTrace(for: state), let detail = state.traceDetail {
            let tree = TraceTree(trace)
            waterfall = tree.rows
            detailLines = TraceDetailView.detailLines(trace: trace, tree: tree, state: detail).count
        }
        let waterfallInner = layout.waterfallBox.map(Box.inner) ?? .zero
        let spanInner = layout.spanBox.map(Box.inner) ?? .zero
        let help = DashboardView.helpOverlay(frame: frame, state: state, ascii: false)
        self.init(
            traces: ListFrame(keys: snapshot.traces.traces.map(\.traceID.hex), visibleRows: layout.visibleRows(of: .traces)),
            teams: ListFrame(keys: snapshot.groups.map(\.key), visibleRows: layout.visibleRows(of: .teams)),
            budgets: ListFrame(keys: snapshot.budgets.map(\.name), visibleRows: layout.visibleRows(of: .budgets)),
            alerts: ListFrame(keys: snapshot.alerts.map(\.id), visibleRows: layout.visibleRows(of: .alerts)),
            waterfall: waterfall,
            waterfallVisibleRows: max(1, waterfallInner.height - 1),
            detailLineCount: detailLines,
            detailVisibleRows: max(1, spanInner.height),
            helpLineCount: help.lineCount,
            helpVisibleRows: max(1, help.visibleLines(in: layout.main)),
            themeCount: themeCount
        )
        historyRows = frame.history?.keys.count ?? 0 // ledger: issue 11
        conformanceRows = ConformanceRow.rows(snapshot.conformance) // conformance: issue 13
    }
}
