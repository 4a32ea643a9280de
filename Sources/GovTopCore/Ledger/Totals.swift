/// Exact running totals of governance facts. Kept outside the span ring: evicting a span never
/// changes them.
public struct Totals: Sendable, Hashable {
    public var requests = 0
    public var inputTokens: Int64 = 0
    public var outputTokens: Int64 = 0
    public var cachedInputTokens: Int64 = 0
    public var reasoningTokens: Int64 = 0
    public var cost = CompensatedSum()
    public var reportedCost = CompensatedSum()
    public var estimatedCost = CompensatedSum()
    public var unpricedRequests = 0
    public var errors = 0
    public var policyViolations = 0
    public var evalFailures = 0

    public init() {}

    public var costUSD: Double { cost.value }

    mutating func add(_ facts: GovernanceFacts, cost spanCost: SpanCost) {
        if facts.isError { errors += 1 }
        policyViolations += facts.policyViolations
        evalFailures += facts.evalFailures
        guard facts.isAIRequest else { return }
        requests += 1
        inputTokens += facts.inputTokens ?? 0
        outputTokens += facts.outputTokens ?? 0
        cachedInputTokens += facts.cachedInputTokens ?? 0
        reasoningTokens += facts.reasoningTokens ?? 0
        switch spanCost {
        case .reported(let usd):
            cost.add(usd)
            reportedCost.add(usd)
        case .estimated(let usd):
            cost.add(usd)
            estimatedCost.add(usd)
        case .unpriced:
            unpricedRequests += 1
        case .none:
            break
        }
    }
}

/// Where a span's cost came from.
public enum SpanCost: Sendable, Hashable {
    /// The telemetry reported it.
    case reported(Double)
    /// Tokens × the pricing table.
    case estimated(Double)
    /// Tokens for a model the pricing table does not know: counted, never $0.
    case unpriced
    /// Nothing to price (no tokens, no reported cost).
    case none

    public var usd: Double {
        switch self {
        case .reported(let usd), .estimated(let usd): usd
        case .unpriced, .none: 0
        }
    }
}
