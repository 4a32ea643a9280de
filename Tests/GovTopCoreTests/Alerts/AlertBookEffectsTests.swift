import Testing
@testable import GovTopCore

/// The alert book alone, fed effect lists as the engine's phase two hands them over.
@Suite struct AlertBookEffectsTests {
    @Test func alertingViolationsReportedViolationsAndFailedEvaluations() {
        var book = AlertBook()
        let changes = book.observe([
            EffectFactory.request(team: "ml", usd: 0, local: [EffectFactory.violation("rule-a", severity: .critical),
                                                             EffectFactory.violation("rule-b", action: .log)],
                                  policies: [PolicyOutcome(name: "pii", result: "blocked"), PolicyOutcome(name: "ok", result: "allowed")],
                                  evaluations: [EvaluationResult(metric: "toxicity", explicitPass: false)]),
        ], now: EffectFactory.t0)
        #expect(changes.map(\.kind) == [.raised, .raised, .raised])
        #expect(changes.filter(\.ringsBell).count == 1)
        let subjects = book.alerts().map(\.message)
        #expect(subjects.count == 3)
        #expect(subjects.contains { $0.contains("rule-a") } && subjects.contains { $0.contains("pii") } && subjects.contains { $0.contains("toxicity") })
        #expect(!subjects.contains { $0.contains("rule-b") })
    }

    @Test func anEmptyListChangesNothing() {
        var book = AlertBook()
        #expect(book.observe([EffectFactory.request(team: "ml", usd: 1)], now: EffectFactory.t0).isEmpty)
        #expect(book.alerts().isEmpty)
    }
}
