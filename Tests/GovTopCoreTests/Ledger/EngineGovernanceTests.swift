import Foundation
import Testing
@testable import GovTopCore

/// Budgets and alerts wired through the engine, on a virtual clock.
@Suite struct EngineGovernanceTests {
    // 2027-01-15 12:00:00 UTC
    private let clock = ManualClock(seconds: 1_800_014_400)

    private func engine(budgets: [BudgetDefinition] = []) -> Engine {
        Engine(configuration: EngineConfiguration(budgets: budgets), clock: clock.clock)
    }

    private func spend(_ engine: Engine, _ cost: Double, team: String? = "ml", trace: UInt64, parent: UInt64 = 0) {
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: trace, id: trace * 10 + 1, parent: parent, team: team, cost: cost)]))
    }

    @Test func configuredBudgetFollowsSpendMovesAndRollsOverAtMidnight() {
        let engine = engine(budgets: [BudgetDefinition(scope: [.team: "ml"], limitUSD: 10, period: .daily)])
        spend(engine, 2, trace: 1)
        spend(engine, 5, team: "web", trace: 2)
        spend(engine, 3, team: nil, trace: 3, parent: 99)
        #expect(engine.budgets().first?.consumedUSD == 2)
        engine.ingest(SpanFactory.batch([SpanFactory.span(trace: 3, id: 99, name: "agent", attributes: [Attribute("genops.team", .string("ml"))])]))
        let status = engine.budgets().first
        #expect(status?.name == "team:ml")
        #expect(status?.consumedUSD == 5)
        #expect(status?.remainingUSD == 5)
        #expect(status?.utilization == 0.5)
        #expect(status?.resetsAt == 1_800_057_600 * 1_000_000_000)
        clock.advance(seconds: 12 * 3600)
        #expect(engine.budgets().first?.consumedUSD == 0)
    }

    @Test func budgetAlertsEscalateAndExhaustionIsCritical() {
        let engine = engine(budgets: [BudgetDefinition(scope: [.team: "ml"], limitUSD: 1, period: .hourly)])
        spend(engine, 0.55, trace: 1)
        engine.tick()
        #expect(engine.alerts().filter { $0.kind == .budgetThreshold }.map(\.severity) == [.info])
        #expect(engine.alerts().contains { $0.kind == .budgetProjectedExhaustion })
        #expect(!engine.alerts().contains { $0.kind == .costSpike })
        spend(engine, 0.30, trace: 2)
        engine.tick()
        let threshold = engine.alerts().first { $0.kind == .budgetThreshold }
        #expect(threshold?.severity == .warning)
        spend(engine, 0.20, trace: 3)
        engine.tick()
        let kinds = Set(engine.alerts().filter(\.isActive).map(\.kind))
        #expect(kinds.contains(.budgetExceeded))
        #expect(engine.alerts().first { $0.kind == .budgetExceeded }?.severity == .critical)
        #expect(engine.alertsSnapshot().bellRings >= 1)
        #expect(engine.budgets().first?.level == .exceeded)
    }

    @Test func policyViolationAlertsCountPerPolicyAndTeamAndResolveWhenQuiet() {
        let engine = engine()
        let blocked = [Attribute("genops.team", .string("ml")), Attribute("genops.policy.name", .string("pii-filter")),
                       Attribute("genops.policy.result", .string("blocked"))]
        for index in 1...3 {
            engine.ingest(SpanFactory.batch([SpanFactory.span(trace: UInt64(index), id: UInt64(index), attributes: blocked)]))
        }
        let alert = engine.alerts().first
        #expect(alert?.kind == .policyViolation)
        #expect(alert?.count == 3)
        #expect(alert.map { engine.acknowledgeAlert(id: $0.id)?.acknowledged } == true)
        #expect(engine.acknowledgeAlert(id: "nope") == nil)
        #expect(engine.alerts().first?.acknowledged == true)
        clock.advance(seconds: 30)
        engine.tick()
        #expect(engine.alerts().first?.state == .active)
        clock.advance(seconds: 31)
        engine.tick()
        #expect(engine.alerts().first?.state == .resolved)
        #expect(engine.clearResolvedAlerts() == 1)
        #expect(engine.alerts().isEmpty)
    }

    @Test func telemetryBudgetsShowTheLatestReport() {
        let engine = engine()
        for (consumed, trace) in [(100.0, UInt64(1)), (850.0, 2)] {
            engine.ingest(SpanFactory.batch([SpanFactory.span(trace: trace, id: trace, attributes: [
                Attribute("genops.team", .string("ml")), Attribute("genops.budget.limit", .double(1000)),
                Attribute("genops.budget.consumed", .double(consumed)), Attribute("genops.budget.period", .string("monthly")),
            ])]))
        }
        let status = engine.budgets().first
        #expect(status?.name == "team:ml")
        #expect(status?.source == .telemetry)
        #expect(status?.consumedUSD == 850)
        #expect(status?.remainingUSD == 150)
        #expect(status?.level == .warning)
    }

    @Test func costSpikeAgainstTheHourlyBaseline() {
        let engine = engine()
        for minute in 0..<30 {
            spend(engine, 0.01, trace: UInt64(minute + 1))
            clock.advance(seconds: 60)
        }
        engine.tick()
        #expect(!engine.alerts().contains { $0.kind == .costSpike })
        spend(engine, 5, trace: 1000)
        engine.tick()
        #expect(engine.alerts().first { $0.kind == .costSpike }?.isActive == true)
    }
}

@Suite struct DashboardSnapshotTests {
    @Test func oneSnapshotHoldsEveryPanelsData() {
        let clock = ManualClock()
        let engine = Engine(configuration: EngineConfiguration(budgets: [BudgetDefinition(scope: [.team: "ml"], limitUSD: 1)]),
                            clock: clock.clock)
        for index in 1...12 {
            engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: UInt64(index), id: UInt64(index), team: index % 3 == 0 ? "web" : "ml", cost: 0.1)]))
        }
        engine.tick()
        let snapshot = engine.dashboard(DashboardRequest(traces: TraceQuery(limit: 5, order: .time), groupDimension: .team, groupLimit: 1))
        #expect(snapshot.traces.traces.count == 5)
        #expect(snapshot.traces.matched == 12)
        #expect(snapshot.groups.map(\.key) == ["ml"])
        #expect(snapshot.budgets.first?.consumedUSD.map { abs($0 - 0.8) < 1e-9 } == true)
        #expect(snapshot.alerts.contains { $0.kind == .budgetThreshold })
        #expect(snapshot.summary.requestsTotal == 12)
        #expect(snapshot.now == clock.now)
        #expect(snapshot.maxSpans == 200_000)
    }
}
