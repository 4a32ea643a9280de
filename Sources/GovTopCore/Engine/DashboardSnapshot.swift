/// Everything one dashboard frame shows, read under the engine's lock in one go so the panels
/// agree with each other. Built at most a few times a second; drawing never touches the engine.
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
}

/// What the dashboard asks the engine for.
public struct DashboardRequest: Sendable {
    public var traces: TraceQuery
    public var groupDimension: Dimension
    /// Most group rows returned (most expensive first).
    public var groupLimit: Int
    public var alertLimit: Int

    public init(traces: TraceQuery = TraceQuery(), groupDimension: Dimension = .team, groupLimit: Int = 500, alertLimit: Int = 500) {
        self.traces = traces
        self.groupDimension = groupDimension
        self.groupLimit = groupLimit
        self.alertLimit = alertLimit
    }
}

extension Engine {
    public func dashboard(_ request: DashboardRequest) -> DashboardSnapshot {
        let now = clock.now()
        return state.withLock { state in
            DashboardSnapshot(
                now: now,
                summary: state.summary(now: now),
                rates: state.ledger.rates(now: now),
                traces: state.store.tracePage(request.traces),
                groupDimension: request.groupDimension,
                groups: Array(state.ledger.rows(request.groupDimension, now: now).prefix(request.groupLimit)),
                budgets: state.budgetStatuses(now: now),
                alerts: Array(state.alerts.alerts().prefix(request.alertLimit)),
                alertCounts: state.alerts.counts(),
                bellRings: state.bellRings,
                maxSpans: state.store.limits.maxSpans,
                maxMemoryBytes: state.store.limits.maxMemoryBytes
            )
        }
    }
}
