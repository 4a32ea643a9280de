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

    var bytes: Int { cost.bytes + tokens.bytes + requests.bytes + errors.bytes }
}

/// One group's exact totals and recent activity: cost and requests per 5 seconds over the last
/// minute (the 1-minute rates), and cost per minute over the last hour (the trend).
public struct GroupStats: Sendable {
    public var totals = Totals()
    public var recentCost = TimeSeries<12>(resolutionSeconds: 5)
    public var recentRequests = TimeSeries<12>(resolutionSeconds: 5)
    public var minuteCost = TimeSeries<60>(resolutionSeconds: 60)

    public init() {}

    mutating func add(_ contribution: Contribution, at time: UInt64, sign: Int = 1) {
        totals.add(contribution, sign: sign)
        let cost = contribution.cost.usd
        if cost != 0 {
            recentCost.add(Double(sign) * cost, at: time)
            minuteCost.add(Double(sign) * cost, at: time)
        }
        if contribution.requests != 0 { recentRequests.add(Double(sign * contribution.requests), at: time) }
    }

    static let estimatedBytes = MemoryLayout<GroupStats>.stride
}
