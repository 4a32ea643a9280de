/// Usage a metric reported for one set of facts: tokens from `gen_ai.client.token.usage`, cost
/// from `gen_ai.usage.cost` (or estimated from the tokens with the pricing table when the
/// resource sends no cost metric).
public struct MeteredUsage: Sendable, Hashable {
    /// Model, provider, service and attribution (only these fields are set).
    public var facts: GovernanceFacts
    public var inputTokens: Int64 = 0
    public var outputTokens: Int64 = 0
    public var cost: Money = .zero
    /// Tokens whose model has no price (or no model): counted, not priced.
    public var unpricedTokens: Int64 = 0

    public init(facts: GovernanceFacts) {
        self.facts = facts
    }

    public var tokens: Int64 { inputTokens + outputTokens }
}

/// Metered totals of one group, or of everything.
public struct MeteredTotals: Sendable, Hashable {
    public var inputTokens: Int128 = 0
    public var outputTokens: Int128 = 0
    public var cost: Money = .zero
    public var unpricedTokens: Int128 = 0

    public init() {}

    public var tokens: Int128 { inputTokens + outputTokens }

    mutating func add(_ usage: MeteredUsage) {
        inputTokens += Int128(usage.inputTokens)
        outputTokens += Int128(usage.outputTokens)
        cost += usage.cost
        unpricedTokens += Int128(usage.unpricedTokens)
    }

    /// Traced tokens ÷ metered tokens; nil when nothing is metered.
    public func coverage(tracedTokens: Int128) -> Double? {
        guard tokens > 0 else { return nil }
        return Double(tracedTokens) / Double(tokens)
    }
}
