/// Exact running totals of governance facts. Kept outside the span ring: evicting a span never
/// changes them.
public struct Totals: Sendable, Hashable {
    public var requests = 0
    public var inputTokens: Int64 = 0
    public var outputTokens: Int64 = 0
    public var cachedInputTokens: Int64 = 0
    public var reasoningTokens: Int64 = 0
    public var reportedCost = CompensatedSum()
    public var estimatedCost = CompensatedSum()
    public var unpricedRequests = 0
    public var errors = 0
    public var policyViolations = 0
    public var evalFailures = 0

    public init() {}

    /// Reported plus estimated cost (kept apart, so each span's cost is summed once, not twice).
    public var costUSD: Double { reportedCost.value + estimatedCost.value }

    /// Adds (sign +1) or removes (sign −1) one span's contribution.
    public mutating func add(_ contribution: Contribution, sign: Int = 1) {
        let scale = Double(sign)
        requests += sign * contribution.requests
        inputTokens += Int64(sign) * contribution.inputTokens
        outputTokens += Int64(sign) * contribution.outputTokens
        cachedInputTokens += Int64(sign) * contribution.cachedInputTokens
        reasoningTokens += Int64(sign) * contribution.reasoningTokens
        errors += sign * contribution.errors
        policyViolations += sign * contribution.policyViolations
        evalFailures += sign * contribution.evalFailures
        switch contribution.cost {
        case .reported(let usd):
            reportedCost.add(scale * usd)
        case .estimated(let usd):
            estimatedCost.add(scale * usd)
        case .unpriced:
            unpricedRequests += sign
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

    /// The cost when there is one (reported or estimated).
    public var priced: Double? {
        switch self {
        case .reported(let usd), .estimated(let usd): usd
        case .unpriced, .none: nil
        }
    }

    public var usd: Double {
        switch self {
        case .reported(let usd), .estimated(let usd): usd
        case .unpriced, .none: 0
        }
    }
}
