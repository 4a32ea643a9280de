import Foundation

extension BudgetPeriod {
    /// The period containing `instant` (Unix nanoseconds), aligned to the gregorian calendar in `timeZone`:
    /// hourly on the local hour, daily at local midnight, weekly on Monday 00:00, monthly on the 1st 00:00.
    ///
    /// Periods follow local wall-clock time, so a daily period on a DST day lasts 23 or 25 hours, and an
    /// hourly period in a half-hour zone (Asia/Kolkata) starts at :30 UTC. Where a local midnight does not
    /// exist (a DST jump at 00:00), the day starts at the first instant that does.
    public func window(containing instant: UInt64, in timeZone: TimeZone) -> BudgetWindow {
        window(containing: instant, calendar: BudgetPeriod.calendar(in: timeZone))
    }

    /// The gregorian calendar budgets align to: weeks start on Monday.
    static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    func window(containing instant: UInt64, calendar: Calendar) -> BudgetWindow {
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
