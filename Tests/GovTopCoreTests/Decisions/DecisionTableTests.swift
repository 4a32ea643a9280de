import Testing
@testable import GovTopCore

/// decide (issue 15): which budget refuses a request, which warn, and when a refusal ends, from the
/// engine's budgets on an injected clock.
@Suite struct DecisionTableTests {
    private static let t0 = EffectFactory.t0
    private static let second: UInt64 = 1_000_000_000

    private func book(_ definitions: [BudgetDefinition]) -> BudgetBook {
        BudgetBook(definitions, timeZone: .gmt, startedAt: Self.t0)
    }

    private func spend(_ book: inout BudgetBook, team: String?, usd: Double, at time: UInt64 = t0) {
        book.apply([EffectFactory.request(team: team, usd: usd, at: time)])
    }

    @Test func anExhaustedBlockBudgetRefusesItsScopeOnly() {
        var book = book([BudgetDefinition(scope: [.team: "ml"], limitUSD: 1, period: .daily, action: .block)])
        spend(&book, team: "ml", usd: 0.5)
        #expect(book.decisionTable(now: Self.t0).decide(DecisionScope([.team: "ml"]), now: Self.t0).allows)
        spend(&book, team: "ml", usd: 0.5)
        let table = book.decisionTable(now: Self.t0)
        let denied = table.decide(DecisionScope([.team: "ml"]), now: Self.t0)
        #expect(denied.denial?.name == "team:ml")
        #expect(denied.denial?.consumed == .dollars(1))
        #expect(denied.denial?.until == BudgetTestTime.ns("2025-06-16T00:00:00Z"))
        #expect(table.decide(DecisionScope([.team: "web"]), now: Self.t0).allows)
        // A request naming no team is not in a team's scope.
        #expect(table.decide(DecisionScope(), now: Self.t0).allows)
        #expect(table.decide(DecisionScope([.team: "ml", .project: "x"]), now: Self.t0).denial != nil)
        // At the reset the entry expires, before any new table is published.
        #expect(table.decide(DecisionScope([.team: "ml"]), now: denied.denial!.until).allows)
    }

    /// Overlapping budgets: every exhausted block budget covering the request refuses it; the one
    /// that refuses longest is the answer, the others are listed as warnings.
    @Test func theMostRestrictiveOfOverlappingBudgetsWins() {
        var book = book([
            BudgetDefinition(name: "ml-hourly", scope: [.team: "ml"], limitUSD: 1, period: .hourly, action: .block),
            BudgetDefinition(name: "ml-monthly", scope: [.team: "ml"], limitUSD: 2, period: .monthly, action: .block),
            BudgetDefinition(name: "org-daily", limitUSD: 100, period: .daily, action: .block),
            BudgetDefinition(name: "ml-prod", scope: [.team: "ml", .environment: "prod"], limitUSD: 1, period: .daily, action: .block),
        ])
        spend(&book, team: "ml", usd: 3)
        let decision = book.decisionTable(now: Self.t0).decide(DecisionScope([.team: "ml"]), now: Self.t0)
        #expect(decision.denial?.name == "ml-monthly")
        #expect(decision.warnings.map(\.name) == ["ml-hourly"])
        // The hourly budget alone refuses once the month's limit is raised above the spend.
        var lenient = self.book([
            BudgetDefinition(name: "ml-hourly", scope: [.team: "ml"], limitUSD: 1, period: .hourly, action: .block),
            BudgetDefinition(name: "ml-monthly", scope: [.team: "ml"], limitUSD: 20, period: .monthly, action: .block),
        ])
        spend(&lenient, team: "ml", usd: 3)
        #expect(lenient.decisionTable(now: Self.t0).decide(DecisionScope([.team: "ml"]), now: Self.t0).denial?.name == "ml-hourly")
    }

    @Test func softBudgetsPastAThresholdWarnAndNeverRefuse() {
        var book = book([
            BudgetDefinition(scope: [.team: "support"], limitUSD: 50, period: .rolling(seconds: 86_400), thresholds: [0.8, 0.95], action: .alert),
            BudgetDefinition(name: "quiet", scope: [.team: "support"], limitUSD: 1, period: .daily, action: .log),
        ])
        spend(&book, team: "support", usd: 39)
        #expect(book.decisionTable(now: Self.t0).entries.isEmpty)
        spend(&book, team: "support", usd: 2)
        var decision = book.decisionTable(now: Self.t0).decide(DecisionScope([.team: "support"]), now: Self.t0)
        #expect(decision.allows)
        #expect(decision.warnings.map(\.name) == ["team:support"])
        #expect(decision.warnings.first?.threshold == 0.8)
        spend(&book, team: "support", usd: 100)
        decision = book.decisionTable(now: Self.t0).decide(DecisionScope([.team: "support"]), now: Self.t0)
        #expect(decision.allows)
        #expect(decision.warnings.first?.threshold == 0.95)
        #expect(decision.warnings.first.map { $0.utilization > 2.8 } == true)
    }

    @Test func aBlockBudgetPastAThresholdWarnsBeforeItRefuses() {
        var book = book([BudgetDefinition(scope: [.team: "ml"], limitUSD: 10, period: .daily, thresholds: [0.5], action: .block)])
        spend(&book, team: "ml", usd: 6)
        let decision = book.decisionTable(now: Self.t0).decide(DecisionScope([.team: "ml"]), now: Self.t0)
        #expect(decision.allows && decision.warnings.first?.action == .block)
    }

    /// The engine publishes the table as spend arrives and the clock moves; a rolling window that
    /// shed its spend allows again.
    @Test func theEnginePublishesDecisionsAsSpendArrivesAndWindowsRoll() {
        let clock = ManualClock()
        let engine = Engine(configuration: EngineConfiguration(budgets: [
            BudgetDefinition(scope: [.team: "ml"], limitUSD: 0.02, period: .rolling(seconds: 10), action: .block),
        ]), clock: clock.clock)
        let ml = DecisionScope([.team: "ml"])
        #expect(engine.decide(ml).allows)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 1, id: 1, team: "ml", cost: 0.03)]))
        let refusal = engine.decide(ml)
        #expect(refusal.denial?.name == "team:ml")
        #expect(engine.decide(DecisionScope([.team: "web"])).allows)
        clock.advance(seconds: 10.1)
        #expect(engine.decide(ml).allows)
        engine.tick()
        #expect(engine.decisionTable().entries.isEmpty)
    }
}
