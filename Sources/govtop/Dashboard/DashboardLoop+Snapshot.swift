import GovTopCore
import GovTopUI

/// What identifies the trace list the engine is asked for; a change means a new snapshot.
struct TraceQueryKey: Equatable {
    var order: TraceOrder
    var ascending: Bool
    var filter: String?
    var limit: Int
    var dimension: Dimension
}

extension DashboardLoop {
    /// Takes a snapshot (one read of the engine, the open trace included) when one is due: `wanted` (after keys) or the interval passed, unless
    /// paused; while paused only a different query (sort, filter, dimension, more rows) does.
    /// Returns true when the bell should ring (`--bell` and an alert asked for it).
    func refresh(size: (width: Int, height: Int), now: UInt64, wanted: Bool) -> Bool {
        var request = dashboardRequest(size: size)
        let key = TraceQueryKey(order: request.traces.order, ascending: request.traces.ascending, filter: state.filter?.text,
                                limit: request.traces.limit, dimension: request.groupDimension)
        let due = now &- lastSnapshotAt >= Self.snapshotInterval
        guard key != lastQuery || (!state.paused && (wanted || due)) else { return false }
        if let open = state.traceDetail, !state.paused { request.openTrace = TraceID(hex: open.traceID) }
        let snapshot = source.dashboard(request)
        for notice in source.takeNotices() { notify(notice) } // attach: results of background work
        frame.unavailable = source.unavailable()
        lastQuery = key
        lastSnapshotAt = now
        frame.spansPerSecond = spanRate.record(time: now, received: snapshot.summary.spansReceived)
        let ring = options.bell && snapshot.bellRings > lastBellRings
        lastBellRings = snapshot.bellRings
        frame.snapshot = snapshot
        if state.screen == .history { frame.history = history(dimension: state.teamsDimension) } // ledger: issue 11
        if request.openTrace != nil { frame.trace = snapshot.trace ?? frame.trace }
        return ring
    }

    /// The engine request for the current state: the trace list from its first row (the views
    /// index rows from the top) far enough to cover the rows on screen and two pages below, in
    /// the chosen order, through the applied filter.
    func dashboardRequest(size: (width: Int, height: Int)) -> DashboardRequest {
        let layout = DashboardLayout(width: size.width, height: size.height, state: state)
        let page = layout.visibleRows(of: .traces)
        let selection = state.traces
        let limit = max(Self.minimumTraceRows, max(selection.offset, selection.index) + 3 * page)
        return DashboardRequest(navigation: state, traceLimit: limit)
    }

    /// The navigation context of the frame about to be drawn.
    func navigationContext(size: (width: Int, height: Int)) -> NavigationContext {
        NavigationContext(frame: frame, state: state, width: size.width, height: size.height, themeCount: themes.count)
    }

    /// The frame as a canvas of the terminal's size.
    func render(size: (width: Int, height: Int), ascii: Bool) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        DashboardView.render(into: &canvas, frame: frame, state: state, ascii: ascii)
        return canvas
    }
}
