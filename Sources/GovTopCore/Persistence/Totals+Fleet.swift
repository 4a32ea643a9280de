extension Totals {
    /// Takes another set of totals away field by field (what other instances committed: fleet − own).
    public mutating func subtract(_ other: Totals) {
        var negated = Totals()
        negated.requests = -other.requests
        negated.inputTokens = -other.inputTokens
        negated.outputTokens = -other.outputTokens
        negated.cachedInputTokens = -other.cachedInputTokens
        negated.reasoningTokens = -other.reasoningTokens
        negated.reportedCost = .zero - other.reportedCost
        negated.estimatedCost = .zero - other.estimatedCost
        negated.unpricedRequests = -other.unpricedRequests
        negated.errors = -other.errors
        negated.policyViolations = -other.policyViolations
        negated.evalFailures = -other.evalFailures
        add(negated)
    }
}
