import Foundation
import Testing
@testable import GovTopCore

@Suite struct TelemetryBudgetsTests {
    private typealias T = BudgetTestTime
    private let t0 = T.ns("2025-06-15T12:00:00Z")

    @Test func theLatestReportIsTheState() {
        var budgets = TelemetryBudgets()
        budgets.record(BudgetReport(limit: 100, consumed: 40, period: "monthly", alertThreshold: 0.75),
                       name: "ml-monthly", at: t0)
        budgets.record(BudgetReport(limit: 100, consumed: 78, period: "monthly", alertThreshold: 0.75),
                       name: "ml-monthly", at: t0 + T.minute)
        let status = budgets.status(named: "ml-monthly", now: t0 + T.minute)
        #expect(status?.source == .telemetry)
        #expect(status?.consumedUSD == 78)
        #expect(status?.remainingUSD == 22)
        #expect(status?.utilization == 0.78)
        #expect(status?.thresholds == [0.75])
        #expect(status?.crossedThresholds == [0.75])
        #expect(status?.level == .warning)
        #expect(status?.period == "monthly")
        #expect(status?.reportedAt == t0 + T.minute)
        #expect(status?.resetsAt == nil)
        #expect(budgets.count == 1)
    }

    @Test func limitPeriodAndThresholdCarryOverButAmountsDoNot() {
        var budgets = TelemetryBudgets()
        budgets.record(BudgetReport(limit: 50, consumed: 10, remaining: 40, period: "daily", alertThreshold: 0.9),
                       name: "team:ml", at: t0)
        budgets.record(BudgetReport(consumed: 46), name: "team:ml", at: t0 + T.minute)
        let status = budgets.status(named: "team:ml", now: t0 + T.minute)
        #expect(status?.limitUSD == 50)
        #expect(status?.period == "daily")
        #expect(status?.remainingUSD == 4)
        #expect(status?.level == .warning)
    }

    @Test func missingAmountsAreDerived() {
        var budgets = TelemetryBudgets()
        budgets.record(BudgetReport(consumed: 30, remaining: 70), name: "a", at: t0)
        budgets.record(BudgetReport(limit: 200, remaining: 20), name: "b", at: t0)
        let a = budgets.status(named: "a", now: t0)
        #expect(a?.limitUSD == 100)
        #expect(a?.utilization == 0.3)
        #expect(a?.thresholds == TelemetryBudgets.defaultThresholds)
        #expect(a?.crossedThresholds == [])
        let b = budgets.status(named: "b", now: t0)
        #expect(b?.consumedUSD == 180)
        #expect(b?.utilization == 0.9)
        #expect(b?.level == .warning)
    }

    @Test func overspendReportsOverageAndExceeded() {
        var budgets = TelemetryBudgets()
        budgets.record(BudgetReport(limit: 10, consumed: 12), name: "x", at: t0)
        let status = budgets.status(named: "x", now: t0)
        #expect(status?.remainingUSD == 0)
        #expect(status?.overageUSD == 2)
        #expect(status?.level == .exceeded)
    }

    /// A negative remainder is refused at the door (the normalizer flags it) and counts as absent.
    @Test(arguments: [(0.0, BudgetLevel.exceeded), (-3.0, .ok), (5.0, .ok)])
    func onlyARemainderStillTellsWhetherItIsExceeded(_ remaining: Double, _ level: BudgetLevel) {
        var budgets = TelemetryBudgets()
        budgets.record(BudgetReport(remaining: remaining), name: "r", at: t0)
        let status = budgets.status(named: "r", now: t0)
        #expect(status?.utilization == nil)
        #expect(status?.limitUSD == nil)
        #expect(status?.level == level)
    }

    @Test func burnAndProjectionFromSuccessiveReports() {
        var budgets = TelemetryBudgets()
        for (minute, consumed) in [(0, 10.0), (5, 20.0), (10, 30.0)] {
            budgets.record(BudgetReport(limit: 100, consumed: consumed), name: "p", at: t0 + UInt64(minute) * T.minute)
        }
        let now = t0 + 10 * T.minute
        let status = budgets.status(named: "p", now: now)
        // 20 USD in 10 minutes: 120 USD/h; 70 remaining last 35 minutes.
        #expect(abs((status?.burnUSDPerHour ?? 0) - 120) < 1e-9)
        let projected = status?.projectedExhaustion ?? 0
        #expect(projected > now + 35 * T.minute - 1_000 && projected < now + 35 * T.minute + 1_000)
        // Reports stop: the rate decays over the time since the oldest report in the window.
        #expect(abs((budgets.status(named: "p", now: t0 + 14 * T.minute)?.burnUSDPerHour ?? 0) - 20.0 / 14 * 60) < 1e-9)
    }

    @Test func burnNeedsAMinuteOfHistoryAndRestartsWhenTheSDKPeriodResets() {
        var budgets = TelemetryBudgets()
        budgets.record(BudgetReport(limit: 100, consumed: 90), name: "p", at: t0)
        #expect(budgets.status(named: "p", now: t0 + T.minute / 2)?.burnUSDPerHour == nil)
        #expect(budgets.status(named: "p", now: t0 + T.minute)?.burnUSDPerHour == 0)
        budgets.record(BudgetReport(limit: 100, consumed: 2), name: "p", at: t0 + 2 * T.minute)
        budgets.record(BudgetReport(limit: 100, consumed: 3), name: "p", at: t0 + 2 * T.minute + T.minute / 2)
        #expect(budgets.status(named: "p", now: t0 + 2 * T.minute + T.minute / 2)?.burnUSDPerHour == nil)
        let burn = budgets.status(named: "p", now: t0 + 3 * T.minute)?.burnUSDPerHour
        #expect(burn.map { abs($0 - 60) < 1e-9 } == true)
    }

    @Test func burnIsUnknownWhenNothingWasReportedInTheLastFifteenMinutes() {
        var budgets = TelemetryBudgets()
        budgets.record(BudgetReport(limit: 100, consumed: 10), name: "p", at: t0)
        budgets.record(BudgetReport(limit: 100, consumed: 20), name: "p", at: t0 + T.minute)
        #expect(budgets.status(named: "p", now: t0 + 16 * T.minute + 1)?.burnUSDPerHour == nil)
        #expect(budgets.status(named: "p", now: t0 + 16 * T.minute + 1)?.projectedExhaustion == nil)
    }

    @Test func namesBeyondTheCapAreIgnoredAndCounted() {
        var budgets = TelemetryBudgets(maxBudgets: 2)
        budgets.record(BudgetReport(limit: 1, consumed: 0), name: "a", at: t0)
        budgets.record(BudgetReport(limit: 1, consumed: 0), name: "b", at: t0)
        budgets.record(BudgetReport(limit: 1, consumed: 0), name: "c", at: t0)
        budgets.record(BudgetReport(limit: 1, consumed: 0.5), name: "a", at: t0 + 1)
        #expect(budgets.count == 2)
        #expect(budgets.ignoredReports == 1)
        #expect(budgets.status(named: "c", now: t0) == nil)
        #expect(budgets.status(named: "a", now: t0 + 1)?.consumedUSD == 0.5)
    }

    @Test func invalidNumbersCountAsAbsent() {
        var budgets = TelemetryBudgets()
        budgets.record(BudgetReport(limit: .nan, consumed: 5, remaining: 15, alertThreshold: 80), name: "n", at: t0)
        let status = budgets.status(named: "n", now: t0)
        #expect(status?.limitUSD == 20)
        #expect(status?.thresholds == TelemetryBudgets.defaultThresholds)
    }

    @Test func statusesAreSortedByNameAndTakeTheGivenName() {
        var budgets = TelemetryBudgets()
        budgets.record(BudgetReport(name: "ignored", limit: 1, consumed: 0), name: "zeta", at: t0)
        budgets.record(BudgetReport(limit: 1, consumed: 0), name: "team:ml", at: t0)
        budgets.record(BudgetReport(limit: 1, consumed: 0), name: "alpha", at: t0)
        #expect(budgets.statuses(now: t0).map(\.name) == ["alpha", "team:ml", "zeta"])
        #expect(budgets.statuses(now: t0).allSatisfy { $0.source == .telemetry && $0.scope.isEmpty })
    }
}
