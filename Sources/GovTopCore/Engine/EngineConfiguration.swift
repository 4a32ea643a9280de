import Foundation

/// Everything the engine needs to know at start-up, validated before it gets here.
public struct EngineConfiguration: Sendable {
    public var store: StoreLimits
    public var budgets: [BudgetDefinition]
    public var policies: [PolicyRule]
    public var alerts: AlertSettings
    /// Time zone budget periods align to.
    public var timeZone: TimeZone
    /// Most distinct values per dimension; further values fold into `(other)`. At most
    /// `groupLimit` (a larger value is treated as `groupLimit`).
    public var maxGroupsPerDimension: Int
    /// The largest `maxGroupsPerDimension` honoured (the label counters pack group positions in 21 bits).
    public static let groupLimit = 1_000_000
    /// Prices for estimating the cost of spans that report tokens but no cost.
    public var pricing: PricingTable
    /// When false, govtop runs only its foundation: spans are decoded, normalized, stored and
    /// counted in the exact running totals (reported costs only), without the governance engine —
    /// pricing estimates, groups and rates, budgets, local policies, alerts. The baseline of the
    /// ingest benchmark, which shows what the governance engine costs.
    public var governance: Bool

    public init(store: StoreLimits = StoreLimits(), budgets: [BudgetDefinition] = [], policies: [PolicyRule] = [],
                alerts: AlertSettings = AlertSettings(), timeZone: TimeZone = TimeZone(identifier: "UTC")!,
                maxGroupsPerDimension: Int = 5000, pricing: PricingTable = .shipped, governance: Bool = true) {
        self.store = store
        self.budgets = budgets
        self.policies = policies
        self.alerts = alerts
        self.timeZone = timeZone
        self.maxGroupsPerDimension = maxGroupsPerDimension
        self.pricing = pricing
        self.governance = governance
    }
}
