import GovTopCore

extension DashboardRequest {
    /// What to ask the engine for to draw `state`: the first `traceLimit` traces in the chosen
    /// order that match the filter, and the Teams panel's dimension. The cursor moves within
    /// this page, so `traceLimit` bounds how far down the list one can go.
    ///
    /// Only the filter's summary terms are applied here; attribute terms (`key=value` on span
    /// attributes) need the spans, which the engine does not yet match on, so they do not narrow
    /// the list.
    public init(navigation state: NavigationState, traceLimit: Int = 1000, groupLimit: Int = 500, alertLimit: Int = 500) {
        var query = TraceQuery(limit: max(0, traceLimit), order: state.traceOrder, ascending: state.traceAscending)
        if let filter = state.filter?.summaryOnly, !filter.isEmpty {
            query.predicate = { filter.matches($0) }
        }
        self.init(traces: query, groupDimension: state.teamsDimension, groupLimit: groupLimit, alertLimit: alertLimit)
    }
}
