import Testing
@testable import GovTopCore

/// Policy stats alone, fed effect lists as the engine's phase two hands them over.
@Suite struct PolicyStatsEffectsTests {
    @Test func reportedAndLocalViolationsUnderTheEffectiveTeam() {
        var stats = PolicyStats()
        stats.apply([
            EffectFactory.request(team: "ml", usd: 0, local: [EffectFactory.violation("no-dev-gpt4")],
                                  policies: [PolicyOutcome(name: "pii", result: "blocked"), PolicyOutcome(name: "pii", result: "allowed")]),
            EffectFactory.request(team: nil, usd: 0, local: [EffectFactory.violation("no-dev-gpt4", action: .log)]),
        ])
        let snapshot = stats.snapshot()
        #expect(snapshot.totalViolations == 3)
        let local = snapshot.policies.first { $0.name == "no-dev-gpt4" }
        #expect(local?.violations == 2)
        #expect(local?.byTeam == ["ml": 1, Dimension.unattributed: 1])
        #expect(local?.byResult == ["alerted": 1, "logged": 1])
        #expect(snapshot.policies.first { $0.name == "pii" }.map { ($0.violations, $0.allowed) } ?? (0, 0) == (1, 1))
    }
}
