/// Evaluation results (`genops.eval.*`, `gen_ai.evaluation.*`) per metric and per (metric, team).
/// Updated at ingest, O(1) per result; metrics and teams beyond the caps are counted under `(other)`.
public struct EvaluationStats: Sendable {
    /// Caps on distinct labels.
    public struct Limits: Sendable, Hashable {
        public var maxMetrics: Int
        /// Distinct teams per metric.
        public var maxTeamsPerMetric: Int

        public init(maxMetrics: Int = 500, maxTeamsPerMetric: Int = 200) {
            self.maxMetrics = maxMetrics
            self.maxTeamsPerMetric = maxTeamsPerMetric
        }
    }

    private struct Metric: Sendable {
        var counts = EvaluationCounts()
        var byTeam: [String: EvaluationCounts] = [:]

        mutating func add(_ result: EvaluationResult, team: String, maxTeams: Int) {
            counts.add(result)
            byTeam[BoundedCounts.slot(for: team, in: byTeam, limit: maxTeams), default: EvaluationCounts()].add(result)
        }
    }

    public let limits: Limits
    private var metrics: [String: Metric] = [:]
    public private(set) var totals = EvaluationCounts()

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// The evaluation results of one span, attributed to its team (`(unattributed)` when nil).
    public mutating func record(_ evaluations: [EvaluationResult], team: String?) {
        for result in evaluations {
            totals.add(result)
            let key = BoundedCounts.slot(for: result.metric, in: metrics, limit: limits.maxMetrics)
            metrics[key, default: Metric()].add(result, team: team ?? Dimension.unattributed, maxTeams: limits.maxTeamsPerMetric)
        }
    }

    /// Metrics by name.
    public func snapshot() -> EvaluationStatsSnapshot {
        EvaluationStatsSnapshot(
            metrics: metrics.map { MetricEvaluations(metric: $0.key, counts: $0.value.counts, byTeam: $0.value.byTeam) }
                .sorted { $0.metric < $1.metric },
            totals: totals
        )
    }
}
