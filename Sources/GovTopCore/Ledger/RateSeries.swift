/// Cost (nano-dollars), tokens, requests and errors over time at one resolution (120 buckets), for
/// rates and sparklines. Exact integer sums.
public struct RateSeries: Sendable {
    public var cost: TimeSeries<120>
    public var tokens: TimeSeries<120>
    public var requests: TimeSeries<120>
    public var errors: TimeSeries<120>

    public init(resolutionSeconds: Double) {
        cost = TimeSeries(resolutionSeconds: resolutionSeconds)
        tokens = cost
        requests = cost
        errors = cost
    }

    mutating func add(_ contribution: Contribution, at time: UInt64, sign: Int = 1) {
        let amount = contribution.cost.amount
        if !amount.isZero { cost.add(amount.signed(sign).nanos, at: time) }
        let tokenCount = contribution.inputTokens + contribution.outputTokens
        if tokenCount != 0 { tokens.add(Int128(Int64(sign) * tokenCount), at: time) }
        if contribution.requests != 0 { requests.add(Int128(sign * contribution.requests), at: time) }
        if contribution.errors != 0 { errors.add(Int128(sign * contribution.errors), at: time) }
    }
}
