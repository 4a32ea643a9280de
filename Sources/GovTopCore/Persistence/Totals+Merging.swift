extension Totals {
    /// Adds another set of totals field by field (hourly buckets summed into days, deltas merged).
    public mutating func add(_ other: Totals) {
        requests += other.requests
        inputTokens += other.inputTokens
        outputTokens += other.outputTokens
        cachedInputTokens += other.cachedInputTokens
        reasoningTokens += other.reasoningTokens
        reportedCost += other.reportedCost
        estimatedCost += other.estimatedCost
        unpricedRequests += other.unpricedRequests
        errors += other.errors
        policyViolations += other.policyViolations
        evalFailures += other.evalFailures
        accounting.add(other.accounting)
    }

    /// Whether every field is zero (a move that cancelled out).
    public var isZero: Bool { self == Totals() }
}
