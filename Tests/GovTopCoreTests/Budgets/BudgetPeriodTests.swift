import Foundation
import Testing
@testable import GovTopCore

@Suite struct BudgetPeriodTests {
    private typealias T = BudgetTestTime

    struct Case: Sendable, CustomTestStringConvertible {
        let period: BudgetPeriod
        let zone: String
        let instant: String
        let start: String
        let end: String
        var testDescription: String { "\(period) \(zone) \(instant)" }
    }

    @Test(arguments: [
        Case(period: .hourly, zone: "UTC", instant: "2025-06-15T10:59:59Z",
             start: "2025-06-15T10:00:00Z", end: "2025-06-15T11:00:00Z"),
        Case(period: .hourly, zone: "Asia/Kolkata", instant: "2025-06-15T10:00:00Z",
             start: "2025-06-15T09:30:00Z", end: "2025-06-15T10:30:00Z"),
        Case(period: .daily, zone: "UTC", instant: "2025-06-15T23:59:59Z",
             start: "2025-06-15T00:00:00Z", end: "2025-06-16T00:00:00Z"),
        Case(period: .daily, zone: "America/New_York", instant: "2025-06-16T02:00:00Z",
             start: "2025-06-15T00:00:00-04:00", end: "2025-06-16T00:00:00-04:00"),
        Case(period: .daily, zone: "Asia/Kolkata", instant: "2025-06-15T18:29:59Z",
             start: "2025-06-15T00:00:00+05:30", end: "2025-06-16T00:00:00+05:30"),
        Case(period: .daily, zone: "Europe/Berlin", instant: "2025-03-30T12:00:00Z",
             start: "2025-03-30T00:00:00+01:00", end: "2025-03-31T00:00:00+02:00"),
        Case(period: .daily, zone: "Europe/Berlin", instant: "2025-10-26T12:00:00Z",
             start: "2025-10-26T00:00:00+02:00", end: "2025-10-27T00:00:00+01:00"),
        Case(period: .daily, zone: "America/New_York", instant: "2025-03-09T12:00:00Z",
             start: "2025-03-09T00:00:00-05:00", end: "2025-03-10T00:00:00-04:00"),
        Case(period: .daily, zone: "America/New_York", instant: "2025-11-02T12:00:00Z",
             start: "2025-11-02T00:00:00-04:00", end: "2025-11-03T00:00:00-05:00"),
        Case(period: .weekly, zone: "UTC", instant: "2025-01-01T12:00:00Z",
             start: "2024-12-30T00:00:00Z", end: "2025-01-06T00:00:00Z"),
        Case(period: .weekly, zone: "UTC", instant: "2025-01-05T23:59:59Z",
             start: "2024-12-30T00:00:00Z", end: "2025-01-06T00:00:00Z"),
        Case(period: .weekly, zone: "Europe/Berlin", instant: "2025-10-26T12:00:00Z",
             start: "2025-10-20T00:00:00+02:00", end: "2025-10-27T00:00:00+01:00"),
        Case(period: .weekly, zone: "Asia/Kolkata", instant: "2025-06-15T18:30:00Z",
             start: "2025-06-16T00:00:00+05:30", end: "2025-06-23T00:00:00+05:30"),
        Case(period: .monthly, zone: "UTC", instant: "2024-02-29T23:59:59Z",
             start: "2024-02-01T00:00:00Z", end: "2024-03-01T00:00:00Z"),
        Case(period: .monthly, zone: "America/New_York", instant: "2025-03-15T12:00:00Z",
             start: "2025-03-01T00:00:00-05:00", end: "2025-04-01T00:00:00-04:00"),
        Case(period: .monthly, zone: "Asia/Kolkata", instant: "2025-01-31T18:30:00Z",
             start: "2025-02-01T00:00:00+05:30", end: "2025-03-01T00:00:00+05:30"),
        Case(period: .monthly, zone: "UTC", instant: "2025-12-31T23:59:59Z",
             start: "2025-12-01T00:00:00Z", end: "2026-01-01T00:00:00Z"),
    ])
    func windowContainingAnInstant(_ c: Case) {
        let window = c.period.window(containing: T.ns(c.instant), in: T.zone(c.zone))
        #expect(window == BudgetWindow(start: T.ns(c.start), end: T.ns(c.end)))
    }

    @Test(arguments: BudgetPeriod.calendarPeriods)
    func aBoundaryBelongsToTheNextPeriod(_ period: BudgetPeriod) {
        let zone = T.zone("America/New_York")
        let first = period.window(containing: T.ns("2025-06-15T12:00:00Z"), in: zone)
        let next = period.window(containing: first.end, in: zone)
        #expect(next.start == first.end)
        #expect(period.window(containing: first.end - 1, in: zone) == first)
        #expect(first.contains(first.end - 1) && !first.contains(first.end))
    }

    @Test func berlinDaysOfAYearTileAndOnlyTheDSTDaysAreNot24Hours() {
        let zone = T.zone("Europe/Berlin")
        var window = BudgetPeriod.daily.window(containing: T.ns("2025-01-01T12:00:00+01:00"), in: zone)
        var hours: [UInt64: Int] = [:]
        for _ in 0..<365 {
            hours[window.durationNanos / T.hour, default: 0] += 1
            let next = BudgetPeriod.daily.window(containing: window.end, in: zone)
            #expect(next.start == window.end)
            window = next
        }
        #expect(hours == [23: 1, 24: 363, 25: 1])
        #expect(window.start == T.ns("2026-01-01T00:00:00+01:00"))
    }

    @Test func hoursAcrossTheFallBackNightAreAllOneHourLong() {
        let zone = T.zone("Europe/Berlin")
        var window = BudgetPeriod.hourly.window(containing: T.ns("2025-10-25T22:00:00Z"), in: zone)
        for _ in 0..<6 {
            #expect(window.durationNanos == T.hour)
            window = BudgetPeriod.hourly.window(containing: window.end, in: zone)
        }
        #expect(window.start == T.ns("2025-10-26T04:00:00Z"))
    }

    @Test func aDayWithoutMidnightStartsAtItsFirstInstant() {
        // São Paulo skipped 2018-11-04 00:00–01:00 local time.
        let window = BudgetPeriod.daily.window(containing: T.ns("2018-11-04T12:00:00Z"), in: T.zone("America/Sao_Paulo"))
        #expect(window == BudgetWindow(start: T.ns("2018-11-04T01:00:00-02:00"), end: T.ns("2018-11-05T00:00:00-02:00")))
    }

    @Test func subSecondInstantsJustBeforeABoundaryStayInTheirPeriod() {
        let boundary = T.ns("2025-07-01T00:00:00Z")
        let window = BudgetPeriod.monthly.window(containing: boundary - 1, in: T.zone("UTC"))
        #expect(window.end == boundary)
        #expect(window.start == T.ns("2025-06-01T00:00:00Z"))
    }

    @Test func halfHourDSTZoneStillGivesContainingWindows() {
        // Lord Howe Island moves its clocks by 30 minutes.
        let zone = T.zone("Australia/Lord_Howe")
        var instant = T.ns("2025-04-05T13:00:00Z")
        while instant < T.ns("2025-04-05T17:00:00Z") {
            let window = BudgetPeriod.hourly.window(containing: instant, in: zone)
            #expect(window.contains(instant))
            #expect(window.durationNanos > 0 && window.durationNanos <= T.hour)
            instant += 10 * T.minute
        }
    }
}
