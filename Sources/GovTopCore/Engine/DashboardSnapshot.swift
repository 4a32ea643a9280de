/// Everything one dashboard frame shows, read under the engine's lock in one go so the panels
/// agree with each other (decoding the open trace and matching attribute filters happen after the
/// lock is released). Built at most a few times a second; drawing never touches the engine.
public struct DashboardSnapshot: Sendable {
    /// When the snapshot was taken (Unix nanoseconds, from the engine's clock).
    public var now: UInt64
    public var summary: Summary
    public var rates: Rates
    /// The visible page of the trace list.
    public var traces: TracePage
    public var groupDimension: Dimension
    public var groups: [GroupRow]
    public var budgets: [BudgetStatus]
    public var alerts: [Alert]
    public var alertCounts: AlertCounts
    /// Increments whenever an alert change should ring the bell.
    public var bellRings: Int
    public var maxSpans: Int
    public var maxMemoryBytes: Int
    /// Spend over time for the chart, and each configured budget's consumption this period
    /// (EngineState+SpendSeries.swift).
    public var spend = SpendHistory()
    public var budgetHistories: [BudgetBurnHistory] = []
    /// The trace asked for in `DashboardRequest.openTrace`; nil when none was asked for or the
    /// store no longer holds any of its spans.
    public var trace: TraceDetail?
    /// Traced tokens ÷ metered tokens over everything; nil when nothing is metered. // metrics
    public var meteredCoverage: Double? = nil
    /// GenOps conformance per service (conformance: issue 13).
    public var conformance = ConformanceReport()
}

/// What the dashboard asks the engine for.
public struct DashboardRequest: Sendable {
    public var traces: TraceQuery
    public var groupDimension: Dimension
    /// Most group rows returned (most expensive first).
    public var groupLimit: Int
    public var alertLimit: Int
    /// The trace whose detail is open, read with the rest of the frame.
    public var openTrace: TraceID?

    public init(traces: TraceQuery = TraceQuery(), groupDimension: Dimension = .team, groupLimit: Int = 500, alertLimit: Int = 500,
                openTrace: TraceID? = nil) {
        self.traces = traces
        self.groupDimension = groupDimension
        self.groupLimit = groupLimit
        self.alertLimit = alertLimit
        self.openTrace = openTrace
    }
}

extension Engine {
    public func dashboard(_ request: DashboardRequest) -> DashboardSnapshot {
        let now = clock.now()
        let (snapshot, traces, trace) = state.withLock { state in
            let snapshot = DashboardSnapshot(
                now: now,
                summary: summary(of: state, now: now),
                rates: state.ledger.rates(now: now),
                traces: TracePage(traces: [], matched: 0),
                groupDimension: request.groupDimension,
                groups: Array(state.ledger.rows(request.groupDimension, now: now).prefix(request.groupLimit)),
                budgets: state.budgetStatuses(now: now),
                alerts: Array(state.alerts.alerts().prefix(request.alertLimit)),
                alertCounts: state.alerts.counts(),
                bellRings: state.bellRings,
                maxSpans: state.store.limits.maxSpans,
                maxMemoryBytes: state.store.limits.maxMemoryBytes,
                spend: state.spendSeries.history(now: now, topTeams: 4), // chart series
                budgetHistories: state.budgetConsumption.histories(state.budgets.trackers), // chart series
                meteredCoverage: state.meteringSnapshot().coverage // metrics
            )
            return (snapshot, state.store.readTracePage(request.traces), request.openTrace.map { (spans: state.store.spans(of: $0), logs: state.logs.records(of: $0)) }) // metrics: and logs
        }
        var frame = snapshot
        frame.conformance = conformance() // conformance: issue 13 (its own lock acquisition: a running count, not a window)
        frame.traces = traces.finish()
        frame.trace = request.openTrace.flatMap { id in trace.flatMap { TraceDetail($0.spans, id: id)?.attaching($0.logs) } } // metrics: with logs
        return frame
    }
}
