/// Pass/fail counts and score statistics of a group of evaluation results.
public struct EvaluationCounts: Sendable, Hashable {
    public private(set) var count = 0
    public private(set) var passed = 0
    public private(set) var failed = 0
    /// Results that carried a (finite) score; the mean is over these only.
    public private(set) var scored = 0
    public private(set) var minScore: Double?
    public private(set) var maxScore: Double?
    /// The threshold of the most recent result that reported one.
    public private(set) var lastThreshold: Double?
    private var scoreSum = CompensatedSum()

    public init() {}

    public mutating func add(_ result: EvaluationResult) {
        count += 1
        if result.passed { passed += 1 } else { failed += 1 }
        if let score = result.score, score.isFinite {
            scored += 1
            scoreSum.add(score)
            minScore = min(minScore ?? score, score)
            maxScore = max(maxScore ?? score, score)
        }
        if let threshold = result.threshold, threshold.isFinite { lastThreshold = threshold }
    }

    /// Mean of the scored results; nil when none had a score.
    public var meanScore: Double? { scored == 0 ? nil : scoreSum.value / Double(scored) }

    /// Failed over all results; nil when there are none.
    public var failureRate: Double? { count == 0 ? nil : Double(failed) / Double(count) }
}
