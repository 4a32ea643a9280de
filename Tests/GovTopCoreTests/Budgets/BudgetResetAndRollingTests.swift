import Foundation
import Testing
@testable import GovTopCore

/// decide (issue 15): reset times of calendar periods, in time zones across DST changes, and the
/// text of rolling windows.
@Suite struct BudgetResetAndRollingTests {
    private typealias T = BudgetTestTime

    struct Case: Sendable, CustomTestStringConvertible {
        let period: BudgetPeriod
        let zone: String
        let reset: String
        let instant: String
        let start: String
        let end: String
        var testDescription: String { "\(period) at \(reset) \(zone) \(instant)" }
    }

    @Test(arguments: [
        // Before the day's reset: the period that started at yesterday's reset.
        Case(period: .daily, zone: "UTC", reset: "09:00", instant: "2025-06-15T08:59:59Z",
             start: "2025-06-14T09:00:00Z", end: "2025-06-15T09:00:00Z"),
        Case(period: .daily, zone: "UTC", reset: "09:00", instant: "2025-06-15T09:00:00Z",
             start: "2025-06-15T09:00:00Z", end: "2025-06-16T09:00:00Z"),
        // 09:00 in Tokyo is before the 09:30 reset: still the period that began the day before.
        Case(period: .daily, zone: "Asia/Tokyo", reset: "09:30", instant: "2025-06-15T00:00:00Z",
             start: "2025-06-14T09:30:00+09:00", end: "2025-06-15T09:30:00+09:00"),
        // Europe/Berlin springs forward on 2025-03-30 at 02:00: 09:00 to 09:00 is 23 hours.
        Case(period: .daily, zone: "Europe/Berlin", reset: "09:00", instant: "2025-03-30T12:00:00Z",
             start: "2025-03-30T09:00:00+02:00", end: "2025-03-31T09:00:00+02:00"),
        Case(period: .daily, zone: "Europe/Berlin", reset: "09:00", instant: "2025-03-30T06:00:00Z",
             start: "2025-03-29T09:00:00+01:00", end: "2025-03-30T09:00:00+02:00"),
        // New York falls back on 2025-11-02 at 02:00: that day's period is 25 hours.
        Case(period: .daily, zone: "America/New_York", reset: "06:00", instant: "2025-11-02T12:00:00Z",
             start: "2025-11-02T06:00:00-05:00", end: "2025-11-03T06:00:00-05:00"),
        Case(period: .daily, zone: "America/New_York", reset: "06:00", instant: "2025-11-02T09:00:00Z",
             start: "2025-11-01T06:00:00-04:00", end: "2025-11-02T06:00:00-05:00"),
        // 02:30 does not exist in New York on 2025-03-09: that day's period starts at 03:00 EDT.
        Case(period: .daily, zone: "America/New_York", reset: "02:30", instant: "2025-03-09T12:00:00Z",
             start: "2025-03-09T03:00:00-04:00", end: "2025-03-10T02:30:00-04:00"),
        // Weekly from Monday at the reset time; Sunday evening and Monday morning belong to the week before.
        Case(period: .weekly, zone: "Europe/Berlin", reset: "08:00", instant: "2025-10-27T06:59:59Z",
             start: "2025-10-20T08:00:00+02:00", end: "2025-10-27T08:00:00+01:00"),
        Case(period: .weekly, zone: "Europe/Berlin", reset: "08:00", instant: "2025-10-27T07:00:00Z",
             start: "2025-10-27T08:00:00+01:00", end: "2025-11-03T08:00:00+01:00"),
        // Monthly from the 1st at the reset time.
        Case(period: .monthly, zone: "America/New_York", reset: "09:00", instant: "2025-03-01T13:59:59Z",
             start: "2025-02-01T09:00:00-05:00", end: "2025-03-01T09:00:00-05:00"),
        Case(period: .monthly, zone: "America/New_York", reset: "09:00", instant: "2025-03-15T12:00:00Z",
             start: "2025-03-01T09:00:00-05:00", end: "2025-04-01T09:00:00-04:00"),
        Case(period: .monthly, zone: "Australia/Sydney", reset: "00:30", instant: "2025-04-06T12:00:00Z",
             start: "2025-04-01T00:30:00+11:00", end: "2025-05-01T00:30:00+10:00"),
    ])
    func resetTimeStartsThePeriod(_ c: Case) {
        let window = c.period.window(containing: T.ns(c.instant), in: T.zone(c.zone), resetAt: BudgetResetTime(text: c.reset))
        #expect(window == BudgetWindow(start: T.ns(c.start), end: T.ns(c.end)))
    }

    /// Consecutive periods with a reset time tile time: each starts where the one before ended.
    @Test(arguments: [BudgetPeriod.daily, .weekly, .monthly])
    func periodsWithAResetTimeTile(_ period: BudgetPeriod) {
        let zone = T.zone("America/New_York")
        let reset = BudgetResetTime(hour: 2, minute: 30)
        var window = period.window(containing: T.ns("2025-01-01T12:00:00Z"), in: zone, resetAt: reset)
        for _ in 0..<60 {
            let next = period.window(containing: window.end, in: zone, resetAt: reset)
            #expect(next.start == window.end)
            #expect(period.window(containing: window.end - 1, in: zone, resetAt: reset) == window)
            window = next
        }
    }

    @Test func hourlyPeriodsIgnoreAResetTime() {
        let instant = T.ns("2025-06-15T10:20:00Z")
        #expect(BudgetPeriod.hourly.window(containing: instant, in: .gmt, resetAt: BudgetResetTime(hour: 9, minute: 0))
            == BudgetPeriod.hourly.window(containing: instant, in: .gmt))
    }

    @Test(arguments: [
        ("09:00", 9, 0), ("9:30", 9, 30), ("00:00", 0, 0), ("23:59", 23, 59),
    ])
    func resetTimesParse(_ text: String, _ hour: Int, _ minute: Int) {
        #expect(BudgetResetTime(text: text) == BudgetResetTime(hour: hour, minute: minute))
    }

    @Test(arguments: ["24:00", "09:60", "9", "09:0", "-1:00", "０9:00", "09:00:00", "", "ab:cd", "009:00"])
    func malformedResetTimesAreRefused(_ text: String) {
        #expect(BudgetResetTime(text: text) == nil)
    }

    @Test(arguments: [
        ("24h", UInt64(86_400), "24h"), ("7d", 604_800, "7d"), ("30d", 2_592_000, "30d"), ("10s", 10, "10s"),
        ("1m", 60, "1m"), ("90m", 5400, "90m"), ("48h", 172_800, "48h"), ("1d", 86_400, "24h"), ("120s", 120, "2m"),
        ("366d", 31_622_400, "366d"),
    ])
    func rollingWindowsParseAndPrint(_ text: String, _ seconds: UInt64, _ printed: String) {
        #expect(BudgetPeriod(rawValue: text) == .rolling(seconds: seconds))
        #expect(BudgetPeriod.rolling(seconds: seconds).rawValue == printed)
    }

    @Test(arguments: ["0s", "24", "h", "367d", "1.5h", "-1h", "24H", "1w", " 24h", "99999999999999999999d", "daily "])
    func malformedPeriodsAreRefused(_ text: String) {
        #expect(BudgetPeriod(rawValue: text) == nil)
    }

    @Test func calendarPeriodsKeepTheirNames() {
        for period in BudgetPeriod.calendarPeriods {
            #expect(BudgetPeriod(rawValue: period.rawValue) == period)
            #expect(!period.isRolling)
        }
    }
}
