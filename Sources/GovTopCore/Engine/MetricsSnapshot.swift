/// What `/metrics` exposes, read under the engine's lock in one go: every figure of one scrape is
/// of the same moment.
public struct MetricsSnapshot: Sendable {
    public struct Series: Sendable, Hashable {
        public var labels: LabelSet
        public var costUSD: Double
        public var inputTokens: Int64
        public var outputTokens: Int64
        public var requests: Int
    }

    public var summary: Summary
    /// Counters per label combination, in a stable order.
    public var series: [Series]
    /// Request durations per model, in a stable order.
    public var durations: [(model: String, histogram: DurationHistogram)]
    /// Budgets in the order of `Engine.budgets()`.
    public var budgets: [BudgetStatus]
    public var alertCounts: AlertCounts
}

extension Ledger {
    func metricSeries() -> [MetricsSnapshot.Series] {
        labelCounters.series.map { labels, counters in
            MetricsSnapshot.Series(labels: labels, costUSD: counters.cost.usd, inputTokens: Int64(clamping: counters.inputTokens),
                                   outputTokens: Int64(clamping: counters.outputTokens), requests: counters.requests)
        }.sorted { lhs, rhs in
            let left = lhs.labels, right = rhs.labels
            return (left.team, left.project, left.environment, left.provider, left.model)
                < (right.team, right.project, right.environment, right.provider, right.model)
        }
    }
}
