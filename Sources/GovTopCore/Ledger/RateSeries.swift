/// Cost, tokens, requests and errors over time at one resolution (120 buckets), for rates and
/// sparklines.
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
        let scale = Double(sign)
        if contribution.cost.usd != 0 { cost.add(scale * contribution.cost.usd, at: time) }
        let tokenCount = contribution.inputTokens + contribution.outputTokens
        if tokenCount != 0 { tokens.add(scale * Double(tokenCount), at: time) }
        if contribution.requests != 0 { requests.add(scale * Double(contribution.requests), at: time) }
        if contribution.errors != 0 { errors.add(scale * Double(contribution.errors), at: time) }
    }
}
