import GovTopCore

extension DashboardRequest {
    /// What to ask the engine for to draw `state`: the first `traceLimit` traces in the chosen
    /// order that match the filter, and the Teams panel's dimension. The cursor moves within
    /// this page, so `traceLimit` bounds how far down the list one can go.
    ///
    /// Summary terms are checked on the trace summaries; attribute terms (`key=value` on span
    /// attributes) make the engine look into the spans of the traces that pass the summary terms.
    public init(navigation state: NavigationState, traceLimit: Int = 1000, groupLimit: Int = 500, alertLimit: Int = 500) {
        var query = TraceQuery(limit: max(0, traceLimit), order: state.traceOrder, ascending: state.traceAscending)
        if let summaryTerms = state.filter?.summaryOnly, !summaryTerms.isEmpty {
            query.predicate = { summaryTerms.matches($0) }
        }
        if let filter = state.filter, filter.needsAttributes {
            query.attributePredicate = { summary, lookup in
                withoutActuallyEscaping(lookup) { filter.matches(FilterSubject(summary, attributeValues: $0)) }
            }
        }
        self.init(traces: query, groupDimension: state.teamsDimension, groupLimit: groupLimit, alertLimit: alertLimit)
    }
}
