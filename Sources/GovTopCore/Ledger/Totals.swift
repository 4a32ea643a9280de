/// Exact running totals of governance facts. Kept outside the span ring: evicting a span never
/// changes them. Money and tokens are integers (`Money`, `Int128`): totals are exact, never
/// negative or `-0`, and cannot overflow with any input the door lets through.
public struct Totals: Sendable, Hashable {
    public var requests = 0
    public var inputTokens: Int128 = 0
    public var outputTokens: Int128 = 0
    public var cachedInputTokens: Int128 = 0
    public var reasoningTokens: Int128 = 0
    public var reportedCost = Money.zero
    public var estimatedCost = Money.zero
    public var unpricedRequests = 0
    public var errors = 0
    public var policyViolations = 0
    public var evalFailures = 0
    /// GenOps reserved against actual amounts, and SLA checks and misses.
    public var accounting = AccountingTotals()

    public init() {}

    /// Reported plus estimated cost (kept apart, so each span's cost is summed once, not twice).
    public var cost: Money { reportedCost + estimatedCost }

    /// `cost` in dollars, for display.
    public var costUSD: Double { cost.usd }

    /// Adds (sign +1) or removes (sign −1) one span's contribution.
    @inline(__always)
    public mutating func add(_ contribution: Contribution, sign: Int = 1) {
        requests += sign * contribution.requests
        // Signed in 64 bits (counts are at most 10⁹), then widened: no 128-bit multiplication.
        inputTokens += Int128(Int64(sign) * contribution.inputTokens)
        outputTokens += Int128(Int64(sign) * contribution.outputTokens)
        cachedInputTokens += Int128(Int64(sign) * contribution.cachedInputTokens)
        reasoningTokens += Int128(Int64(sign) * contribution.reasoningTokens)
        errors += sign * contribution.errors
        policyViolations += sign * contribution.policyViolations
        evalFailures += sign * contribution.evalFailures
        if !contribution.accounting.isZero { accounting.add(contribution.accounting, sign: sign) }
        switch contribution.cost {
        case .reported(let amount):
            reportedCost += amount.signed(sign)
        case .estimated(let amount):
            estimatedCost += amount.signed(sign)
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
    case reported(Money)
    /// Tokens × the pricing table.
    case estimated(Money)
    /// Tokens for a model the pricing table does not know: counted, never $0.
    case unpriced
    /// Nothing to price (no tokens, no reported cost).
    case none

    /// The cost when there is one (reported or estimated).
    public var priced: Money? {
        switch self {
        case .reported(let amount), .estimated(let amount): amount
        case .unpriced, .none: nil
        }
    }

    /// The cost, zero when there is none.
    public var amount: Money { priced ?? .zero }
}
