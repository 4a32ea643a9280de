import Foundation
import Testing
@testable import GovTopCore

@Suite struct BudgetTrackerTests {
    private typealias T = BudgetTestTime

    struct Rollover: Sendable, CustomTestStringConvertible {
        let period: BudgetPeriod
        let zone: String
        let boundary: String
        let nextBoundary: String
        var testDescription: String { "\(period) \(zone) \(boundary)" }
    }

    @Test(arguments: [
        Rollover(period: .hourly, zone: "UTC", boundary: "2025-01-01T10:00:00Z", nextBoundary: "2025-01-01T11:00:00Z"),
        Rollover(period: .hourly, zone: "Asia/Kolkata", boundary: "2025-01-01T10:30:00Z", nextBoundary: "2025-01-01T11:30:00Z"),
        Rollover(period: .daily, zone: "America/New_York", boundary: "2025-03-09T00:00:00-05:00",
                 nextBoundary: "2025-03-10T00:00:00-04:00"),
        Rollover(period: .daily, zone: "Europe/Berlin", boundary: "2025-10-26T00:00:00+02:00",
                 nextBoundary: "2025-10-27T00:00:00+01:00"),
        Rollover(period: .weekly, zone: "Europe/Berlin", boundary: "2025-10-20T00:00:00+02:00",
                 nextBoundary: "2025-10-27T00:00:00+01:00"),
        Rollover(period: .weekly, zone: "UTC", boundary: "2024-12-30T00:00:00Z", nextBoundary: "2025-01-06T00:00:00Z"),
        Rollover(period: .monthly, zone: "Asia/Kolkata", boundary: "2025-02-01T00:00:00+05:30",
                 nextBoundary: "2025-03-01T00:00:00+05:30"),
        Rollover(period: .monthly, zone: "America/New_York", boundary: "2025-11-01T00:00:00-04:00",
                 nextBoundary: "2025-12-01T00:00:00-05:00"),
    ])
    func consumptionResetsExactlyAtTheBoundary(_ c: Rollover) {
        let boundary = T.ns(c.boundary)
        let definition = BudgetDefinition(limitUSD: 100, period: c.period, initialConsumedUSD: 10)
        var tracker = BudgetTracker(definition: definition, timeZone: T.zone(c.zone), startedAt: boundary - 20 * T.minute)
        let counted = tracker.record(.dollars(5), at: boundary - 1)
        #expect(counted)
        #expect(tracker.status(now: boundary - 1).consumedUSD == 15)
        #expect(tracker.status(now: boundary - 1).resetsAt == boundary)
        // Without spend, the state at the boundary is already the new, empty period.
        let atBoundary = tracker.status(now: boundary)
        #expect(atBoundary.consumedUSD == 0)
        #expect(atBoundary.periodStart == boundary)
        #expect(atBoundary.resetsAt == T.ns(c.nextBoundary))

        let countedAtBoundary = tracker.record(.dollars(2), at: boundary)
        #expect(countedAtBoundary)
        #expect(tracker.window == BudgetWindow(start: boundary, end: T.ns(c.nextBoundary)))
        let after = tracker.status(now: boundary + 1)
        #expect(after.consumedUSD == 2)
        #expect(after.remainingUSD == 98)
        #expect(after.resetsAt == T.ns(c.nextBoundary))
    }

    @Test func initialConsumptionCountsOnlyInTheStartUpPeriod() {
        let start = T.ns("2025-06-15T12:00:00Z")
        var tracker = BudgetTracker(definition: BudgetDefinition(limitUSD: 50, period: .daily, initialConsumedUSD: 20),
                                    startedAt: start)
        #expect(tracker.status(now: start).consumedUSD == 20)
        #expect(tracker.status(now: start).utilization == 0.4)
        tracker.record(.dollars(1), at: start + T.hour)
        #expect(tracker.status(now: start + T.hour).consumedUSD == 21)
        tracker.record(.dollars(3), at: T.ns("2025-06-16T00:00:00Z"))
        #expect(tracker.status(now: T.ns("2025-06-16T01:00:00Z")).consumedUSD == 3)
    }

    @Test func spendInAPeriodThatIsOverIsLeftOut() {
        let start = T.ns("2025-06-15T12:00:00Z")
        var tracker = BudgetTracker(definition: BudgetDefinition(limitUSD: 50, period: .hourly), startedAt: start)
        tracker.record(.dollars(4), at: start + T.hour)
        let late = tracker.record(.dollars(7), at: start + T.hour - 1)
        #expect(late == false)
        #expect(tracker.lateRecords == 1)
        #expect(tracker.status(now: start + T.hour + T.minute).consumedUSD == 4)
    }

    @Test func negativeMovesTakeSpendOutOfTheScope() {
        let start = T.ns("2025-06-15T12:00:00Z")
        var tracker = BudgetTracker(definition: BudgetDefinition(scope: [.team: "ml"], limitUSD: 10, period: .daily),
                                    startedAt: start)
        tracker.record(.dollars(9.6), at: start + T.minute)
        #expect(tracker.status(now: start + 2 * T.minute).level == .critical)
        tracker.record(.dollars(-4.6), at: start + T.minute)
        let status = tracker.status(now: start + 2 * T.minute)
        #expect(abs((status.consumedUSD ?? 0) - 5) < 1e-12)
        #expect(status.level == .ok)
        #expect(status.crossedThresholds == [0.5])
    }

    @Test func overspendClampsRemainingAndShowsTheOverage() {
        let start = T.ns("2025-06-15T12:00:00Z")
        var tracker = BudgetTracker(definition: BudgetDefinition(limitUSD: 10, period: .monthly), startedAt: start)
        tracker.record(.dollars(12.5), at: start)
        let status = tracker.status(now: start + 1)
        #expect(status.remainingUSD == 0)
        #expect(status.overageUSD == 2.5)
        #expect(status.utilization == 1.25)
        #expect(status.level == .exceeded)
        #expect(status.crossedThresholds == [0.5, 0.8, 0.95])
        #expect(status.projectedExhaustion == nil)
    }

    @Test func spendMovedAwayLeavesExactlyZero() {
        let start = T.ns("2025-06-15T12:00:00Z")
        var tracker = BudgetTracker(definition: BudgetDefinition(limitUSD: 10, period: .monthly), startedAt: start)
        for _ in 0..<3 { tracker.record(.dollars(0.1), at: start) }
        #expect(tracker.consumed(now: start) == .dollars(0.3))
        for _ in 0..<3 { tracker.record(.zero - .dollars(0.1), at: start) }
        #expect(tracker.consumed(now: start) == .zero)
        #expect(tracker.status(now: start).consumedUSD?.sign == .plus)
        #expect(tracker.status(now: start).remainingUSD == 10)
    }

    @Test(arguments: [-1.0, .nan, .infinity, 2e12])
    func configuredAmountsOutsideTheBoundsCountAsZero(amount: Double) {
        let start = T.ns("2025-06-15T12:00:00Z")
        let tracker = BudgetTracker(definition: BudgetDefinition(limitUSD: amount, initialConsumedUSD: amount), startedAt: start)
        let status = tracker.status(now: start)
        #expect(status.limitUSD == 0 && status.consumedUSD == 0 && status.remainingUSD == 0 && status.overageUSD == 0)
    }

    @Test func aZeroLimitIsExceededByAnySpend() {
        let start = T.ns("2025-06-15T12:00:00Z")
        var tracker = BudgetTracker(definition: BudgetDefinition(limitUSD: 0, period: .daily), startedAt: start)
        #expect(tracker.status(now: start).level == .ok)
        tracker.record(.dollars(0.01), at: start)
        #expect(tracker.status(now: start).level == .exceeded)
        #expect(tracker.status(now: start).utilization == 1)
    }

    @Test func statusCarriesTheDefinition() {
        let definition = BudgetDefinition(scope: [.team: "ml", .environment: "prod"], limitUSD: 100, period: .weekly,
                                          thresholds: [0.9, 0.7], action: .log)
        let status = BudgetTracker(definition: definition, startedAt: T.ns("2025-06-15T12:00:00Z"))
            .status(now: T.ns("2025-06-15T12:00:00Z"))
        #expect(status.name == "team:ml,environment:prod")
        #expect(status.source == .config)
        #expect(status.scope == [.team: "ml", .environment: "prod"])
        #expect(status.period == "weekly")
        #expect(status.limitUSD == 100)
        #expect(status.thresholds == [0.7, 0.9])
        #expect(status.action == .log)
        #expect(status.reportedAt == nil)
    }

    @Test func manySmallCostsAddUpExactly() {
        let start = T.ns("2025-06-15T12:00:00Z")
        var tracker = BudgetTracker(definition: BudgetDefinition(limitUSD: 1000, period: .daily), startedAt: start)
        for index in 0..<100_000 { tracker.record(.dollars(0.001), at: start + UInt64(index) * 1_000_000) }
        #expect(abs((tracker.status(now: start + T.hour).consumedUSD ?? 0) - 100) < 1e-10)
    }
}
