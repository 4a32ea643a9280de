import Foundation

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
    /// The zone calendar periods align to; nil: the engine's (`time_zone:`, UTC by default).
    public var timeZone: TimeZone?
    /// The local time a daily, weekly or monthly period starts at; nil: midnight.
    public var resetAt: BudgetResetTime?

    public init(name: String? = nil, scope: [Dimension: String] = [:], limitUSD: Double, period: BudgetPeriod = .monthly,
                thresholds: [Double] = [0.5, 0.8, 0.95], initialConsumedUSD: Double = 0, action: BudgetAction = .alert,
                timeZone: TimeZone? = nil, resetAt: BudgetResetTime? = nil) {
        self.name = name ?? BudgetDefinition.defaultName(for: scope)
        self.scope = scope
        self.limitUSD = limitUSD
        self.period = period
        self.thresholds = thresholds.sorted()
        self.initialConsumedUSD = initialConsumedUSD
        self.action = action
        self.timeZone = timeZone
        self.resetAt = resetAt
    }

    /// `team:ml-platform`, `team:ml-platform,environment:prod`, or `all`, in dimension order.
    public static func defaultName(for scope: [Dimension: String]) -> String {
        let parts = Dimension.allCases.compactMap { dimension in scope[dimension].map { "\(dimension.rawValue):\($0)" } }
        return parts.isEmpty ? "all" : parts.joined(separator: ",")
    }
}

/// What crossing a budget does.
public enum BudgetAction: String, CaseIterable, Sendable, Hashable {
    /// Refuse further requests through the decision endpoint once exhausted (a hard budget), and
    /// raise the same alerts as `alert`.
    case block
    /// Raise alerts at thresholds, on exhaustion and on projected exhaustion (a soft budget); the
    /// decision endpoint allows and warns.
    case alert
    /// Only track and show it.
    case log
}

/// The local wall-clock time a calendar period starts at, such as 09:00.
public struct BudgetResetTime: Sendable, Hashable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    /// Nil outside 00:00...23:59.
    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// `HH:MM` (one-digit hours allowed: `9:30`).
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
