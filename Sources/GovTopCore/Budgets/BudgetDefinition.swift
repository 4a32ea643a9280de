/// A budget from govtop's configuration. Its consumption is computed from the ledger.
public struct BudgetDefinition: Sendable, Hashable {
    /// Unique name; defaults to the scope spelled out (`team:ml-platform`, or `all`).
    public var name: String
    /// Which spend counts: every listed dimension must match; empty means all spend.
    public var scope: [Dimension: String]
    public var limitUSD: Double
    public var period: BudgetPeriod
    /// Utilization fractions that raise an alert when crossed, ascending.
    public var thresholds: [Double]
    /// Spend already consumed in the current period when govtop starts.
    public var initialConsumedUSD: Double
    public var action: BudgetAction
    /// `.config` follows traced spend; `.metered` follows metered usage (metrics). Never both.
    public var source: BudgetSource = .config

    public init(name: String? = nil, scope: [Dimension: String] = [:], limitUSD: Double, period: BudgetPeriod = .monthly,
                thresholds: [Double] = [0.5, 0.8, 0.95], initialConsumedUSD: Double = 0, action: BudgetAction = .alert) {
        self.name = name ?? BudgetDefinition.defaultName(for: scope)
        self.scope = scope
        self.limitUSD = limitUSD
        self.period = period
        self.thresholds = thresholds.sorted()
        self.initialConsumedUSD = initialConsumedUSD
        self.action = action
    }

    /// `team:ml-platform`, `team:ml-platform,environment:prod`, or `all`, in dimension order.
    public static func defaultName(for scope: [Dimension: String]) -> String {
        let parts = Dimension.allCases.compactMap { dimension in scope[dimension].map { "\(dimension.rawValue):\($0)" } }
        return parts.isEmpty ? "all" : parts.joined(separator: ",")
    }

}

/// Calendar-aligned budget periods.
public enum BudgetPeriod: String, CaseIterable, Sendable, Hashable {
    case hourly, daily, weekly, monthly
}

/// What crossing a budget does.
public enum BudgetAction: String, CaseIterable, Sendable, Hashable {
    /// Raise alerts at thresholds, on exhaustion and on projected exhaustion.
    case alert
    /// Only track and show it.
    case log
}
