import GovTopCore
import GovTopDemo
import Testing

/// The demo's story, told to a real engine: 200 virtual seconds at the default rate.
@Suite struct DemoEngineTests {
    static let run = DemoEngineRun(seconds: 200)

    @Test func growthPassesEightyPercentWithinAMinuteAndItsLimitWithinThree() throws {
        let at80 = try #require(Self.run.growthAt80)
        let exceeded = try #require(Self.run.growthExceededAt)
        #expect(at80 <= 60)
        #expect(exceeded <= 180)
        // It is a story, not a start-up state: growth starts below 80% and takes a while to run out.
        #expect(at80 >= 15)
        #expect(exceeded >= 90)
        let alerts = Self.run.engine.alerts().filter { $0.subject == "budget team:growth" }
        #expect(alerts.contains { $0.kind == .budgetExceeded })
    }

    @Test func fiveTeamsSpend() {
        let teams = Self.run.engine.groups(by: .team).filter { $0.key != Dimension.unattributed && $0.totals.costUSD > 0 }
        #expect(teams.count >= 5)
    }

    @Test func unpricedRequestsViolationsAndEvaluationFailuresAreCounted() {
        let summary = Self.run.engine.summary()
        #expect(summary.unpricedRequestsTotal > 0)
        #expect(summary.policyViolationsTotal > 0)
        #expect(summary.evalFailuresTotal > 0)
        #expect(summary.spansRejected == 0)
        let kinds = Set(Self.run.engine.alerts().map(\.kind))
        #expect(kinds.isSuperset(of: [.policyViolation, .evaluationFailure, .budgetThreshold]))
    }

    @Test func theFirstBurstIsACostSpike() throws {
        let spikeAt = try #require(Self.run.firstSpikeAt)
        #expect(spikeAt >= Int(DemoScenario.burstStart / 1_000_000_000))
        #expect(spikeAt <= 200)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theStoryHoldsForOtherSeeds(seed: UInt64) throws {
        let run = DemoEngineRun(seconds: 200, seed: seed)
        #expect(try #require(run.growthAt80) <= 60)
        #expect(try #require(run.growthExceededAt) <= 180)
        #expect(run.firstSpikeAt != nil)
    }

    @Test func configurationHoldsTheDemoBudgetsAndRules() throws {
        let configuration = DemoScenario.configuration()
        #expect(configuration.store == StoreLimits())
        let budgets = configuration.budgets
        let growth = try #require(budgets.first { $0.scope == [.team: "growth"] })
        #expect(growth.period == .daily)
        #expect(growth.initialConsumedUSD / growth.limitUSD < 0.8)
        #expect(Set(budgets.filter { $0.period == .daily }.compactMap { $0.scope[.team] }).count == 5)
        #expect(budgets.contains { $0.scope.isEmpty && $0.period == .monthly })

        let rules = configuration.policies
        let redaction = try #require(rules.first { $0.action == .redact })
        guard case .pattern(let pattern, _) = redaction.check else {
            Issue.record("the redaction rule is not a pattern")
            return
        }
        let regex = try Regex(pattern)
        #expect("my SSN is 123-45-6789.".contains(regex))
        #expect(!"call 555-0100 or 1234-56-7890".contains(regex))
        #expect(rules.contains { if case .conditions(let conditions) = $0.check { !conditions.isEmpty } else { false } })
        #expect(rules.contains { rule in
            if case .limits(let maxCost, _) = rule.check { maxCost != nil && rule.action == .log } else { false }
        })
    }
}
