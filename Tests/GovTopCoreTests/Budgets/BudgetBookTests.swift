import Testing
@testable import GovTopCore

/// The budgets alone, fed effect lists as the engine's phase two hands them over.
@Suite struct BudgetBookTests {
    private static let t0 = EffectFactory.t0

    private func book() -> BudgetBook {
        BudgetBook([BudgetDefinition(scope: [.team: "ml"], limitUSD: 10, period: .monthly),
                    BudgetDefinition(limitUSD: 100, period: .monthly)], timeZone: .gmt, startedAt: Self.t0)
    }

    private func consumed(_ book: BudgetBook) -> [Double?] {
        book.statuses(now: Self.t0).map(\.consumedUSD)
    }

    @Test func costCountsAgainstTheBudgetsThatCoverTheEffectiveAttribution() {
        var book = book()
        book.apply([EffectFactory.request(team: "ml", usd: 2), EffectFactory.request(team: "web", usd: 3)])
        #expect(consumed(book) == [2, 5])
    }

    /// A move into or out of a scoped budget changes it; the org-wide one covers both sides.
    @Test func movesInAndOutOfAScope() {
        var book = book()
        book.apply([EffectFactory.request(team: nil, usd: 4)])
        book.apply([EffectFactory.request(team: "ml", usd: 1, moves: [EffectFactory.move(usd: 4, from: nil, to: "ml")])])
        #expect(consumed(book) == [5, 5])
        book.apply([EffectFactory.request(team: "web", usd: 0, moves: [EffectFactory.move(usd: 4, from: "ml", to: "web")])])
        #expect(consumed(book) == [1, 5])
    }

    /// A report without a name is kept under its effective owner.
    @Test func telemetryReportsNamedByTheEffectiveAttribution() {
        var book = book()
        book.apply([EffectFactory.request(team: "ml", usd: 0, budget: BudgetReport(limit: 50, consumed: 10))])
        #expect(book.statuses(now: Self.t0).map(\.name) == book.trackers.map(\.name) + ["team:ml"])
    }

    @Test func alertConditionsOnlyForBudgetsThatAlert() {
        var book = BudgetBook([BudgetDefinition(limitUSD: 1, period: .monthly)], timeZone: .gmt, startedAt: Self.t0)
        #expect(book.alertConditions(now: Self.t0).isEmpty)
        book.apply([EffectFactory.request(team: nil, usd: 2)])
        #expect(!book.alertConditions(now: Self.t0).isEmpty)
    }
}
