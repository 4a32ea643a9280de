/// The state of one budget at an instant, from configuration or telemetry. Instants are Unix nanoseconds.
///
/// Remaining never goes below zero: spend beyond the limit shows as `overageUSD`. Amounts a telemetry
/// report did not carry (and could not be derived) are nil; for configured budgets they are always set.
public struct BudgetStatus: Sendable, Hashable {
    /// The budget's name.
    public var name: String
    public var source: BudgetSource
    /// Which spend counts; empty for all spend and for telemetry budgets.
    public var scope: [Dimension: String]
    /// `hourly`, `daily`, `weekly`, `monthly`, or the period text as reported.
    public var period: String?
    public var limitUSD: Double?
    public var consumedUSD: Double?
    /// max(0, limit − consumed).
    public var remainingUSD: Double?
    /// max(0, consumed − limit).
    public var overageUSD: Double?
    /// consumed / limit; for a limit ≤ 0, 1 once anything was spent and 0 otherwise.
    public var utilization: Double?
    /// Spend per hour over the trailing 15 minutes, never negative.
    public var burnUSDPerHour: Double?
    /// When the remaining amount runs out at the current burn; nil when nothing burns, when the
    /// budget is already exhausted, or when the period resets first.
    public var projectedExhaustion: UInt64?
    /// The current period; nil for telemetry budgets, whose calendar govtop does not know.
    public var periodStart: UInt64?
    public var resetsAt: UInt64?
    /// Alert thresholds as fractions of the limit, ascending.
    public var thresholds: [Double]
    /// The thresholds the current utilization is at or above.
    public var crossedThresholds: [Double]
    public var level: BudgetLevel
    /// What crossing does; nil for telemetry budgets.
    public var action: BudgetAction?
    /// When the latest telemetry report arrived; nil for configured budgets.
    public var reportedAt: UInt64?

    public init(name: String, source: BudgetSource, scope: [Dimension: String] = [:], period: String? = nil,
                limitUSD: Double? = nil, consumedUSD: Double? = nil, remainingUSD: Double? = nil,
                overageUSD: Double? = nil, utilization: Double? = nil, burnUSDPerHour: Double? = nil,
                projectedExhaustion: UInt64? = nil, periodStart: UInt64? = nil, resetsAt: UInt64? = nil,
                thresholds: [Double] = [], crossedThresholds: [Double] = [], level: BudgetLevel = .ok,
                action: BudgetAction? = nil, reportedAt: UInt64? = nil) {
        self.name = name
        self.source = source
        self.scope = scope
        self.period = period
        self.limitUSD = limitUSD
        self.consumedUSD = consumedUSD
        self.remainingUSD = remainingUSD
        self.overageUSD = overageUSD
        self.utilization = utilization
        self.burnUSDPerHour = burnUSDPerHour
        self.projectedExhaustion = projectedExhaustion
        self.periodStart = periodStart
        self.resetsAt = resetsAt
        self.thresholds = thresholds
        self.crossedThresholds = crossedThresholds
        self.level = level
        self.action = action
        self.reportedAt = reportedAt
    }
}
