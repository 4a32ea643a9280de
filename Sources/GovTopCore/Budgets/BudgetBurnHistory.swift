/// A configured budget's consumption over its current period as sampled on the engine's ticks
/// (at most `BudgetConsumptionLog.buckets` samples), for the burn-down chart. Exact amounts.
public struct BudgetBurnHistory: Sendable, Hashable {
    /// Consumption in the period at an instant (Unix nanoseconds).
    public struct Sample: Sendable, Hashable {
        public var at: UInt64
        public var consumed: Money

        public init(at: UInt64, consumed: Money) {
            self.at = at
            self.consumed = consumed
        }
    }

    public var name: String
    public var periodStart: UInt64?
    public var periodEnd: UInt64?
    /// Oldest first.
    public var samples: [Sample]

    public init(name: String, periodStart: UInt64? = nil, periodEnd: UInt64? = nil, samples: [Sample]) {
        self.name = name
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.samples = samples
    }
}
