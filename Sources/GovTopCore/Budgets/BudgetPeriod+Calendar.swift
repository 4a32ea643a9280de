import Foundation

extension BudgetPeriod {
    /// The period containing `instant` (Unix nanoseconds), aligned to the gregorian calendar in `timeZone`:
    /// hourly on the local hour, daily at local midnight, weekly on Monday 00:00, monthly on the 1st 00:00.
    ///
    /// Periods follow local wall-clock time, so a daily period on a DST day lasts 23 or 25 hours, and an
    /// hourly period in a half-hour zone (Asia/Kolkata) starts at :30 UTC. Where a local midnight does not
    /// exist (a DST jump at 00:00), the day starts at the first instant that does.
    /// With `resetAt`, daily, weekly and monthly periods start at that local time instead of midnight.
    /// A rolling period gives the trailing window that ends just after `instant`.
    public func window(containing instant: UInt64, in timeZone: TimeZone, resetAt: BudgetResetTime? = nil) -> BudgetWindow {
        window(containing: instant, calendar: BudgetPeriod.calendar(in: timeZone), resetAt: resetAt)
    }

    /// The gregorian calendar budgets align to: weeks start on Monday.
    static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    /// The period containing `instant` when it starts at `resetAt` local time instead of midnight
    /// (daily, weekly and monthly periods; hourly and rolling periods ignore it): a daily period with
    /// `09:00` runs from 09:00 to 09:00 the next day, a weekly one from Monday 09:00, a monthly one
    /// from the 1st at 09:00. On a day where that local time does not exist (a DST jump across it),
    /// the period starts at the first instant after the gap.
    public func window(containing instant: UInt64, calendar: Calendar, resetAt: BudgetResetTime?) -> BudgetWindow {
        guard let resetAt, self == .daily || self == .weekly || self == .monthly else { return window(containing: instant, calendar: calendar) }
        let base = window(containing: instant, calendar: calendar)
        let start = Self.reset(resetAt, onOrAfter: base.start, calendar: calendar)
        if instant >= start {
            let next = window(containing: base.end, calendar: calendar)
            return BudgetWindow(start: start, end: Self.reset(resetAt, onOrAfter: next.start, calendar: calendar))
        }
        guard base.start > 0 else { return BudgetWindow(start: 0, end: start) }
        let previous = window(containing: base.start - 1, calendar: calendar)
        return BudgetWindow(start: Self.reset(resetAt, onOrAfter: previous.start, calendar: calendar), end: start)
    }

    /// The first instant at or after `start` whose local time is `time` (the next existing time
    /// when a DST gap swallows it).
    private static func reset(_ time: BudgetResetTime, onOrAfter start: UInt64, calendar: Calendar) -> UInt64 {
        let date = Date(timeIntervalSince1970: Double(start / BudgetWindow.nanosPerSecond) - 1)
        let components = DateComponents(hour: time.hour, minute: time.minute, second: 0)
        guard let reset = calendar.nextDate(after: date, matching: components, matchingPolicy: .nextTime) else { return start }
        return nanos(reset)
    }

    /// The period containing `instant`; for a rolling period, the trailing window that ends just after it.
    func window(containing instant: UInt64, calendar: Calendar) -> BudgetWindow {
        if let length = rollingNanos {
            let end = instant == .max ? instant : instant + 1
            return BudgetWindow(start: end > length ? end - length : 0, end: end)
        }
        // Period boundaries fall on whole seconds, so the whole second of `instant` lies in the same
        // period; using it keeps Double rounding from pushing an instant just before a boundary past it.
        let second = instant / BudgetWindow.nanosPerSecond
        let date = Date(timeIntervalSince1970: Double(second))
        if let interval = calendar.dateInterval(of: component, for: date) {
            let window = BudgetWindow(start: Self.nanos(interval.start), end: Self.nanos(interval.end))
            if window.contains(instant) { return window }
        }
        return fixedWindow(containing: instant)
    }

    /// Fallback when the calendar has no answer: UTC-aligned fixed lengths (months as 31 days).
    private func fixedWindow(containing instant: UInt64) -> BudgetWindow {
        let length: UInt64 = switch self {
        case .hourly: BudgetWindow.nanosPerHour
        case .daily: 24 * BudgetWindow.nanosPerHour
        case .weekly: 7 * 24 * BudgetWindow.nanosPerHour
        case .monthly: 31 * 24 * BudgetWindow.nanosPerHour
        case .rolling: max(1, rollingNanos ?? 1)
        }
        let start = instant - instant % length
        let (end, overflow) = start.addingReportingOverflow(length)
        return BudgetWindow(start: start, end: overflow ? UInt64.max : end)
    }

    private var component: Calendar.Component {
        switch self {
        case .hourly: .hour
        case .daily: .day
        case .weekly: .weekOfYear
        case .monthly: .month
        case .rolling: .nanosecond // never asked: rolling windows return before the calendar
        }
    }

    /// A calendar date as Unix nanoseconds, rounded to the whole second and clamped to UInt64.
    private static func nanos(_ date: Date) -> UInt64 {
        let seconds = date.timeIntervalSince1970.rounded()
        guard seconds > 0 else { return 0 }
        guard seconds < Double(UInt64.max / BudgetWindow.nanosPerSecond) else { return UInt64.max }
        return UInt64(seconds) * BudgetWindow.nanosPerSecond
    }
}
