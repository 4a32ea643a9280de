/// Cost, tokens, requests and errors over time at one resolution, for rates and sparklines.
public struct RateSeries: Sendable, Hashable {
    public var cost: TimeSeries
    public var tokens: TimeSeries
    public var requests: TimeSeries
    public var errors: TimeSeries

    public init(resolutionSeconds: Double, buckets: Int) {
        cost = TimeSeries(resolutionSeconds: resolutionSeconds, buckets: buckets)
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

    var bytes: Int { cost.bytes + tokens.bytes + requests.bytes + errors.bytes }
}

/// One group's exact totals and recent activity: per 5 seconds over the last minute (for the
/// 1-minute rate) and per minute over the last hour (for 5-minute and 1-hour rates and the trend).
public struct GroupStats: Sendable, Hashable {
    public var totals = Totals()
    public var recent = RateSeries(resolutionSeconds: 5, buckets: 12)
    public var minutes = RateSeries(resolutionSeconds: 60, buckets: 60)

    public init() {}

    mutating func add(_ contribution: Contribution, at time: UInt64, sign: Int = 1) {
        totals.add(contribution, sign: sign)
        recent.add(contribution, at: time, sign: sign)
        minutes.add(contribution, at: time, sign: sign)
    }

    static let estimatedBytes = MemoryLayout<GroupStats>.stride + GroupStats().recent.bytes + GroupStats().minutes.bytes + 64
}
