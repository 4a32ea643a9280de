import Foundation
import Testing
@testable import GovTopCore

@Suite struct BudgetBurnTests {
    private typealias T = BudgetTestTime
    private let start = T.ns("2025-06-15T12:00:00Z")

    private func tracker(limit: Double = 100, period: BudgetPeriod = .monthly, initial: Double = 0,
                         startedAt: UInt64? = nil) -> BudgetTracker {
        BudgetTracker(definition: BudgetDefinition(limitUSD: limit, period: period, initialConsumedUSD: initial),
                      startedAt: startedAt ?? start)
    }

    private func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9 * max(1, abs(expected))
    }

    /// $1 at the start of each of `minutes` minutes from `start`.
    private func spendEveryMinute(_ tracker: inout BudgetTracker, minutes: Int, from: UInt64) {
        for minute in 0..<minutes { tracker.record(.dollars(1), at: from + UInt64(minute) * T.minute) }
    }

    @Test func steadySpendGivesItsHourlyRate() {
        var tracker = tracker()
        spendEveryMinute(&tracker, minutes: 30, from: start)
        #expect(close(tracker.status(now: start + 30 * T.minute).burnUSDPerHour, 60))
    }

    @Test func theOldestMinuteSlidesOutGradually() {
        var tracker = tracker()
        spendEveryMinute(&tracker, minutes: 30, from: start)
        // Spend stopped after minute 29: half of minute 15 and minutes 16…29 remain in the window.
        #expect(close(tracker.status(now: start + 30 * T.minute + 30 * T.minute / 60).burnUSDPerHour, 58))
        #expect(close(tracker.status(now: start + 44 * T.minute).burnUSDPerHour, 4))
        #expect(tracker.status(now: start + 46 * T.minute).burnUSDPerHour == 0)
    }

    @Test func earlyAfterStartUpTheRateIsOverTheTimeObserved() {
        var tracker = tracker(startedAt: start + 10 * T.minute / 60)
        tracker.record(.dollars(1), at: start + 20 * T.minute / 60)
        #expect(close(tracker.status(now: start + 30 * T.minute / 60).burnUSDPerHour, 60))
        #expect(close(tracker.status(now: start + 10 * T.minute / 60 + 5 * T.minute).burnUSDPerHour, 12))
    }

    @Test func initialConsumptionIsNotBurn() {
        let tracker = tracker(initial: 50)
        #expect(tracker.status(now: start + 5 * T.minute).burnUSDPerHour == 0)
    }

    @Test func movesReduceTheBurnButNeverBelowZero() {
        var tracker = tracker()
        spendEveryMinute(&tracker, minutes: 15, from: start)
        tracker.record(.dollars(-5), at: start + 14 * T.minute)
        #expect(close(tracker.status(now: start + 15 * T.minute).burnUSDPerHour, 40))
        tracker.record(.dollars(-20), at: start + 14 * T.minute)
        #expect(tracker.status(now: start + 15 * T.minute).burnUSDPerHour == 0)
    }

    @Test func burnContinuesAcrossAPeriodBoundary() {
        var tracker = tracker(period: .hourly)
        spendEveryMinute(&tracker, minutes: 75, from: start)
        let status = tracker.status(now: start + 75 * T.minute)
        #expect(status.consumedUSD == 15)
        #expect(close(status.burnUSDPerHour, 60))
    }

    @Test func projectionIsWhenTheRemainderRunsOut() {
        var tracker = tracker(limit: 100, initial: 25)
        spendEveryMinute(&tracker, minutes: 15, from: start)
        // 60 remaining at $60/h: one hour from now.
        let now = start + 15 * T.minute
        let status = tracker.status(now: now)
        #expect(status.remainingUSD == 60)
        guard let exhaustion = status.projectedExhaustion else {
            Issue.record("expected a projection")
            return
        }
        #expect(exhaustion > now + T.hour - 1_000 && exhaustion < now + T.hour + 1_000)
    }

    @Test(arguments: [(100.0, nil), (50.0, "2025-06-15T23:40:00Z")] as [(Double, String?)])
    func projectionOnlyBeforeThePeriodResets(_ limit: Double, _ expected: String?) {
        let late = T.ns("2025-06-15T23:00:00Z")
        var tracker = tracker(limit: limit, period: .daily, initial: 10, startedAt: late)
        spendEveryMinute(&tracker, minutes: 15, from: late)
        // $60/h from 23:15: 75 remaining would last past midnight, when the daily period resets; 25 lasts to 23:40.
        let projected = tracker.status(now: late + 15 * T.minute).projectedExhaustion
        let tolerance: UInt64 = 1_000
        if let expected {
            #expect(projected.map { $0 + tolerance > T.ns(expected) && $0 < T.ns(expected) + tolerance } == true)
        } else {
            #expect(projected == nil)
        }
    }

    @Test func noProjectionWithoutBurnOrOnceExhausted() {
        var tracker = tracker(limit: 10)
        #expect(tracker.status(now: start).projectedExhaustion == nil)
        tracker.record(.dollars(10), at: start)
        let status = tracker.status(now: start + T.minute)
        #expect((status.burnUSDPerHour ?? 0) > 0)
        #expect(status.projectedExhaustion == nil)
        #expect(status.level == .exceeded)
    }
}
