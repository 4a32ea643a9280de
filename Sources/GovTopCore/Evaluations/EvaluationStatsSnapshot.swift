/// Evaluation results at one moment, for the API, the UI and `/metrics`.
public struct EvaluationStatsSnapshot: Sendable, Hashable {
    /// By metric name.
    public var metrics: [MetricEvaluations]
    public var totals: EvaluationCounts

    public init(metrics: [MetricEvaluations] = [], totals: EvaluationCounts = EvaluationCounts()) {
        self.metrics = metrics
        self.totals = totals
    }

    public subscript(metric: String) -> MetricEvaluations? { metrics.first { $0.metric == metric } }
}

/// One metric's results, overall and by team.
public struct MetricEvaluations: Sendable, Hashable {
    public var metric: String
    public var counts: EvaluationCounts
    public var byTeam: [String: EvaluationCounts]

    public init(metric: String, counts: EvaluationCounts, byTeam: [String: EvaluationCounts]) {
        self.metric = metric
        self.counts = counts
        self.byTeam = byTeam
    }
}
