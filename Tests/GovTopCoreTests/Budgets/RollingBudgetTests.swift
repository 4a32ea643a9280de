import Foundation
import Testing
@testable import GovTopCore

/// decide (issue 15): rolling windows (`24h`, `10s`) on an injected clock: spend leaves the window
/// as it ages (never early), the budget comes back under its limit, and a restart through the
/// ledger record forgets nothing still inside the window.
@Suite struct RollingBudgetTests {
    private static let t0 = EffectFactory.t0
    private static let second: UInt64 = 1_000_000_000

    private func tracker(_ period: BudgetPeriod = .rolling(seconds: 86_400), limit: Double = 10, at start: UInt64 = t0,
                         action: BudgetAction = .block) -> BudgetTracker {
        BudgetTracker(definition: BudgetDefinition(scope: [.team: "ml"], limitUSD: limit, period: period, action: action), startedAt: start)
    }

    @Test func spendCountsForTheWindowAndLeavesWithinOneSliceAfterIt() {
        var tracker = tracker()
        let hour = 3600 * Self.second
        tracker.record(.dollars(3), at: Self.t0)
        tracker.record(.dollars(4), at: Self.t0 + 6 * hour)
        #expect(tracker.consumed(now: Self.t0 + 6 * hour) == .dollars(7))
        // 24 hours later the first spend is leaving: never before 24h, at the latest 24h + one slice (12 min).
        #expect(tracker.consumed(now: Self.t0 + 24 * hour - 1) == .dollars(7))
        #expect(tracker.consumed(now: Self.t0 + 24 * hour + 12 * 60 * Self.second) == .dollars(4))
        #expect(tracker.consumed(now: Self.t0 + 31 * hour) == .zero)
        #expect(tracker.status(now: Self.t0 + 31 * hour).resetsAt == nil)
    }

    @Test func anExhaustedRollingBudgetResetsWhenEnoughSpendHasLeft() {
        var tracker = tracker(.rolling(seconds: 10), limit: 1)
        tracker.record(.dollars(0.6), at: Self.t0)
        tracker.record(.dollars(0.6), at: Self.t0 + 4 * Self.second)
        let status = tracker.status(now: Self.t0 + 5 * Self.second)
        #expect(status.level == .exceeded)
        // Back under the limit once the first 0.60 has left: 10 s (+ at most a 1/120 slice) after it.
        let resetsAt = try! #require(status.resetsAt)
        #expect(resetsAt >= Self.t0 + 10 * Self.second && resetsAt <= Self.t0 + 10 * Self.second + Self.second / 12)
        #expect(tracker.status(now: resetsAt).level != .exceeded)
        #expect(tracker.status(now: resetsAt - 1).level == .exceeded)
        #expect(status.periodStart == Self.t0 - 5 * Self.second)
    }

    @Test func theDecisionEntryOfARollingBudgetHoldsUntilItIsUnderItsLimit() throws {
        var tracker = tracker(.rolling(seconds: 60), limit: 1)
        tracker.record(.dollars(2), at: Self.t0)
        let entry = try #require(tracker.decisionEntry(now: Self.t0 + Self.second))
        #expect(entry.denies)
        #expect(entry.until == tracker.status(now: Self.t0 + Self.second).resetsAt)
        #expect(tracker.decisionEntry(now: entry.until) == nil)
    }

    @Test func initialConsumptionCountsAtStartUpAndLeavesWithTheWindow() {
        let definition = BudgetDefinition(limitUSD: 10, period: .rolling(seconds: 60), initialConsumedUSD: 4)
        let tracker = BudgetTracker(definition: definition, startedAt: Self.t0)
        #expect(tracker.consumed(now: Self.t0) == .dollars(4))
        #expect(tracker.consumed(now: Self.t0 + 61 * Self.second) == .zero)
    }

    /// A restart: the record the ledger keeps gives the new tracker every slice still in the window,
    /// and what has left it by then no longer counts.
    @Test func aRestartRestoresTheSlicesStillInTheWindow() {
        let hour = 3600 * Self.second
        var before = tracker()
        before.record(.dollars(2), at: Self.t0)
        before.record(.dollars(5), at: Self.t0 + 20 * hour)
        let record = before.periodRecord
        #expect(record.window == BudgetWindow(start: 0, end: 0))
        #expect(record.period == "24h")
        #expect(RollingRecord(encoded: record.rolling!.encoded) == record.rolling)
        var after = tracker(at: Self.t0 + 22 * hour)
        after.restore(record, now: Self.t0 + 22 * hour)
        #expect(after.consumed(now: Self.t0 + 22 * hour) == .dollars(7))
        #expect(after.consumed(now: Self.t0 + 25 * hour) == .dollars(5))
        // Restored 30 hours later, only the later spend is left.
        var late = tracker(at: Self.t0 + 30 * hour)
        late.restore(record, now: Self.t0 + 30 * hour)
        #expect(late.consumed(now: Self.t0 + 30 * hour) == .dollars(5))
    }

    @Test func aRecordOfAnotherWindowLengthOrPeriodIsNotRestored() {
        var before = tracker(.rolling(seconds: 3600))
        before.record(.dollars(2), at: Self.t0)
        var other = tracker(.rolling(seconds: 7200))
        other.restore(before.periodRecord, now: Self.t0)
        #expect(other.consumed(now: Self.t0) == .zero)
        var calendar = tracker(.daily)
        calendar.restore(before.periodRecord, now: Self.t0)
        #expect(calendar.consumed(now: Self.t0) == .zero)
    }

    @Test(arguments: ["", "x", "0;", "10;1:2:3", "10;a:1", "10;1:b", ";1:2"])
    func malformedRollingRecordsAreRefused(_ text: String) {
        #expect(RollingRecord(encoded: text) == nil)
    }

    /// Memory is fixed: however many instants spend arrives at, the ring keeps 121 slices.
    @Test func manyInstantsKeepTheRingBounded() {
        var tracker = tracker(.rolling(seconds: 120), limit: 1_000_000)
        for step in 0..<10_000 as Range<UInt64> { tracker.record(.dollars(1), at: Self.t0 + step * Self.second / 10) }
        let record = tracker.periodRecord.rolling!
        #expect(record.slices.count <= Int(RollingSpend.slices) + 1)
        // The last 120 s (1200 records) and at most one slice (1 s: 10 records) more.
        let consumed = tracker.consumed(now: Self.t0 + 1000 * Self.second)
        #expect(consumed >= .dollars(1200) && consumed <= .dollars(1210))
    }

    @Test func calendarBudgetsUseTheirOwnTimeZoneAndResetTime() {
        let t = BudgetTestTime.self
        var definition = BudgetDefinition(limitUSD: 10, period: .daily, action: .block)
        definition.timeZone = TimeZone(identifier: "Asia/Tokyo")
        definition.resetAt = BudgetResetTime(hour: 9, minute: 0)
        var tracker = BudgetTracker(definition: definition, timeZone: .gmt, startedAt: t.ns("2025-06-15T00:30:00+09:00"))
        tracker.record(.dollars(11), at: t.ns("2025-06-15T08:00:00+09:00"))
        let status = tracker.status(now: t.ns("2025-06-15T08:30:00+09:00"))
        #expect(status.resetsAt == t.ns("2025-06-15T09:00:00+09:00"))
        #expect(tracker.decisionEntry(now: t.ns("2025-06-15T08:30:00+09:00"))?.denies == true)
        #expect(tracker.consumed(now: t.ns("2025-06-15T09:00:00+09:00")) == .zero)
        #expect(tracker.decisionEntry(now: t.ns("2025-06-15T09:00:00+09:00")) == nil)
        // Restored after a restart in the same period.
        var restarted = BudgetTracker(definition: definition, timeZone: .gmt, startedAt: t.ns("2025-06-15T08:45:00+09:00"))
        restarted.restore(tracker.periodRecord, now: t.ns("2025-06-15T08:45:00+09:00"))
        #expect(restarted.consumed(now: t.ns("2025-06-15T08:45:00+09:00")) == .dollars(11))
    }
}
