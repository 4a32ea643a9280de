/// How a budget's spend is counted over time: a calendar period that starts afresh at its
/// boundary, or a rolling window that counts the spend of the trailing span before each instant.
public enum BudgetPeriod: Sendable, Hashable, CustomStringConvertible {
    /// Calendar-aligned in the budget's time zone (`BudgetPeriod+Calendar.swift`).
    case hourly, daily, weekly, monthly
    /// The trailing `seconds` before each instant (`RollingSpend`), e.g. 86400 for `24h`.
    case rolling(seconds: UInt64)

    public static let calendarPeriods: [BudgetPeriod] = [.hourly, .daily, .weekly, .monthly]
    /// The longest rolling window: a year.
    public static let maxRollingSeconds: UInt64 = 366 * 86_400

    /// `hourly`, `daily`, `weekly`, `monthly`, or a rolling window as a count and unit (`10s`,
    /// `15m`, `24h`, `48h`, `7d`): the largest unit that divides it, hours up to two days.
    public var rawValue: String {
        switch self {
        case .hourly: "hourly"
        case .daily: "daily"
        case .weekly: "weekly"
        case .monthly: "monthly"
        case .rolling(let seconds):
            if seconds % 86_400 == 0 && seconds > 2 * 86_400 { "\(seconds / 86_400)d" }
            else if seconds % 3600 == 0 { "\(seconds / 3600)h" }
            else if seconds % 60 == 0 { "\(seconds / 60)m" }
            else { "\(seconds)s" }
        }
    }

    public var description: String { rawValue }

    /// A calendar name or a rolling window written as a whole count and a unit `s`, `m`, `h`, `d`
    /// (1 second to 366 days); nil otherwise.
    public init?(rawValue text: String) {
        if let period = Self.calendarPeriods.first(where: { $0.rawValue == text }) {
            self = period
            return
        }
        guard let unit = text.last, text.count >= 2, text.count <= 12 else { return nil }
        let digits = text.dropLast()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let count = UInt64(digits), count > 0 else { return nil }
        let multiplier: UInt64
        switch unit {
        case "s": multiplier = 1
        case "m": multiplier = 60
        case "h": multiplier = 3600
        case "d": multiplier = 86_400
        default: return nil
        }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: multiplier)
        guard !overflow, seconds <= Self.maxRollingSeconds else { return nil }
        self = .rolling(seconds: seconds)
    }

    /// The window length of a rolling period in nanoseconds; nil for calendar periods.
    public var rollingNanos: UInt64? {
        if case .rolling(let seconds) = self { return seconds * BudgetWindow.nanosPerSecond }
        return nil
    }

    public var isRolling: Bool { rollingNanos != nil }
}
