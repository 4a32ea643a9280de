import Testing
@testable import GovTopCore

/// Evaluation stats alone, fed effect lists as the engine's phase two hands them over.
@Suite struct EvaluationStatsEffectsTests {
    @Test func resultsUnderTheEffectiveTeam() {
        var stats = EvaluationStats()
        stats.apply([
            EffectFactory.request(team: "ml", usd: 0, evaluations: [EvaluationResult(metric: "relevance", score: 0.2, threshold: 0.5)]),
            EffectFactory.request(team: "web", usd: 0, evaluations: [EvaluationResult(metric: "relevance", explicitPass: true)]),
            EffectFactory.request(team: "web", usd: 0),
        ])
        let snapshot = stats.snapshot()
        #expect(snapshot.totals.count == 2)
        #expect(snapshot.totals.failed == 1)
        #expect(snapshot.metrics.map(\.metric) == ["relevance"])
        #expect(snapshot.metrics.first?.byTeam["ml"]?.failed == 1)
        #expect(snapshot.metrics.first?.byTeam["web"]?.passed == 1)
    }
}
