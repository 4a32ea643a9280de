import Foundation

/// Everything the engine needs to know at start-up, validated before it gets here.
public struct EngineConfiguration: Sendable {
    public var store: StoreLimits
    public var budgets: [BudgetDefinition]
    public var policies: [PolicyRule]
    public var alerts: AlertSettings
    /// Time zone budget periods align to.
    public var timeZone: TimeZone
    /// Most distinct values per dimension; further values fold into `(other)`.
    public var maxGroupsPerDimension: Int

    public init(store: StoreLimits = StoreLimits(), budgets: [BudgetDefinition] = [], policies: [PolicyRule] = [],
                alerts: AlertSettings = AlertSettings(), timeZone: TimeZone = TimeZone(identifier: "UTC")!,
                maxGroupsPerDimension: Int = 5000) {
        self.store = store
        self.budgets = budgets
        self.policies = policies
        self.alerts = alerts
        self.timeZone = timeZone
        self.maxGroupsPerDimension = maxGroupsPerDimension
    }
}
