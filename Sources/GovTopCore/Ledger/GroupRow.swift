/// One group of a dimension as the API and the dashboard show it. Its totals are exact (`Money`);
/// its per-minute rates and trend are worked out from exact bucket sums when the row is read.
public struct GroupRow: Sendable, Hashable {
    public var key: String
    public var totals: Totals
    /// Cost, tokens and requests per minute over the last minute, 5 minutes and hour.
    public var lastMinute: RateSlot
    public var last5Minutes: RateSlot
    public var lastHour: RateSlot
    /// Cost per minute over the last 15 minutes, oldest first (for a trend sparkline).
    public var trend: [Double]

    init(key: String, totals: Totals, lastMinute: RateSlot, last5Minutes: RateSlot, lastHour: RateSlot, trend: [Double]) {
        self.key = key
        self.totals = totals
        self.lastMinute = lastMinute
        self.last5Minutes = last5Minutes
        self.lastHour = lastHour
        self.trend = trend
    }

    /// Cost over the last minute.
    public var costUSDPerMinute: Double { lastMinute.costUSD }
    /// Requests over the last minute.
    public var requestsPerMinute: Double { lastMinute.requests }
}

/// Live rates of all spend, worked out from the ledger's exact integer sums when they are read.
public struct Rates: Sendable, Hashable {
    public var costUSDPerMinute: Double
    public var costUSDPerMinute5m: Double
    public var costUSDPerMinute1h: Double
    public var tokensPerMinute: Double
    public var requestsPerMinute: Double
    public var errorsPerMinute: Double
    /// Cost per second over the last 2 minutes, oldest first.
    public var costPerSecond: [Double]
    /// Cost per minute over the last 2 hours, oldest first.
    public var costPerMinute: [Double]
}

extension Ledger {
    func rows(_ dimension: Dimension, now: UInt64) -> [GroupRow] {
        table(dimension).rows(now: now)
            .sorted { ($0.totals.cost, $1.key) > ($1.totals.cost, $0.key) }
    }

    /// Per-minute figures from the exact integer sums of each window, converted once, here.
    func rates(now: UInt64) -> Rates {
        func usd(_ nanos: Int128) -> Double { Money(nanos: nanos).usd }
        return Rates(
            costUSDPerMinute: usd(seconds.cost.sum(lastSeconds: 60, now: now)),
            costUSDPerMinute5m: Money(nanos: minutes.cost.sum(lastSeconds: 300, now: now)).usd(per: 5),
            costUSDPerMinute1h: Money(nanos: minutes.cost.sum(lastSeconds: 3600, now: now)).usd(per: 60),
            tokensPerMinute: Double(seconds.tokens.sum(lastSeconds: 60, now: now)),
            requestsPerMinute: Double(seconds.requests.sum(lastSeconds: 60, now: now)),
            errorsPerMinute: Double(seconds.errors.sum(lastSeconds: 60, now: now)),
            costPerSecond: seconds.cost.buckets(120, now: now).map(usd),
            costPerMinute: minutes.cost.buckets(120, now: now).map(usd)
        )
    }
}
