import Testing
@testable import GovTopCore

/// The book finds the budgets covering a span through a bit set found by the span's values'
/// identities; it must agree with `BudgetTracker.covers`, budget by budget, for any scopes and values.
@Suite struct BudgetCoverageTests {
    private static let t0 = EffectFactory.t0

    /// Values of a dimension as a span may carry them: the same text in fresh buffers (as each
    /// request's decoder makes them), long and short, and a canonically equivalent spelling, which
    /// `String`'s `==` (and so `covers`) treats as equal.
    private static let teams: [String?] = [nil, "ml", "web", "customer-support-emea", "caf\u{E9}", "cafe\u{301}"]
    private static let models: [String?] = [nil, "gpt-4o", "claude-3-5-sonnet-20241022"]

    /// A fresh buffer for long text (a copy of a literal shares the literal's storage).
    private static func fresh(_ value: String?) -> String? {
        value.map { String(decoding: Array($0.utf8), as: UTF8.self) }
    }

    private static func definitions(_ random: inout SplitMix64) -> [BudgetDefinition] {
        (0..<Int(random.next() % 12)).map { index in
            var scope: [Dimension: String] = [:]
            if random.next() % 2 == 0, let team = teams[Int(random.next() % UInt64(teams.count))] { scope[.team] = team }
            if random.next() % 3 == 0, let model = models[Int(random.next() % UInt64(models.count))] { scope[.model] = model }
            if random.next() % 4 == 0 { scope[.project] = "p\(random.next() % 2)" }
            var definition = BudgetDefinition(name: "b\(index)", scope: scope, limitUSD: 1_000, period: .monthly)
            if random.next() % 5 == 0 { definition.source = .metered }
            return definition
        }
    }

    @Test func theBitSetAgreesWithEachBudgetsScopeForRandomScopesAndValues() throws {
        var random = SplitMix64(seed: 0xB0D6_E7C0)
        for _ in 0..<200 {
            let book = BudgetBook(Self.definitions(&random), timeZone: .gmt, startedAt: Self.t0)
            var coverage = BudgetCoverage(book.trackers)
            for _ in 0..<40 {
                var facts = GovernanceFacts()
                facts.model = Self.fresh(Self.models[Int(random.next() % UInt64(Self.models.count))])
                let team = Self.fresh(Self.teams[Int(random.next() % UInt64(Self.teams.count))])
                let attribution = Attribution(team: team, project: random.next() % 3 == 0 ? nil : "p\(random.next() % 2)")
                let expected = book.trackers.indices.reduce(UInt64(0)) { bits, index in
                    let tracker = book.trackers[index]
                    return tracker.definition.source != .metered && tracker.covers(facts, attribution: attribution)
                        ? bits | 1 << UInt64(index) : bits
                }
                #expect(coverage.covering(facts, attribution: attribution) == expected)
                // Asked again with the very same strings (now a hit in the identity cache).
                #expect(coverage.covering(facts, attribution: attribution) == expected)
            }
        }
    }

    /// Past 64 budgets there is no bit set; the book checks budget by budget and still counts right.
    @Test func moreBudgetsThanBitsFallBackToCheckingEach() {
        let definitions = (0..<70).map { BudgetDefinition(name: "b\($0)", scope: [.team: $0 % 2 == 0 ? "ml" : "web"], limitUSD: 100) }
        var book = BudgetBook(definitions, timeZone: .gmt, startedAt: Self.t0)
        var coverage = BudgetCoverage(book.trackers)
        #expect(coverage.covering(GovernanceFacts(), attribution: Attribution(team: "ml")) == nil)
        book.apply([EffectFactory.request(team: "ml", usd: 2), EffectFactory.request(team: "web", usd: 3),
                    EffectFactory.request(team: "web", usd: 0, moves: [EffectFactory.move(usd: 2, from: "ml", to: "web")])])
        let consumed = book.statuses(now: Self.t0).map(\.consumedUSD)
        #expect(consumed == (0..<70).map { $0 % 2 == 0 ? 0 : 5 })
    }

    /// Metered budgets never see traced spend, whichever path finds the cover.
    @Test func meteredBudgetsAreNeverCoveredByTracedSpend() {
        var metered = BudgetDefinition(name: "metered", scope: [.team: "ml"], limitUSD: 100)
        metered.source = .metered
        var book = BudgetBook([metered, BudgetDefinition(name: "ml", scope: [.team: "ml"], limitUSD: 100)],
                              timeZone: .gmt, startedAt: Self.t0)
        book.apply([EffectFactory.request(team: "ml", usd: 4)])
        #expect(book.statuses(now: Self.t0).map(\.consumedUSD) == [0, 4])
    }

    /// A move between canonically equivalent spellings changes no budget (they are one scope value).
    @Test func equivalentSpellingsAreOneScopeValue() {
        var book = BudgetBook([BudgetDefinition(name: "cafe", scope: [.team: "caf\u{E9}"], limitUSD: 100)],
                              timeZone: .gmt, startedAt: Self.t0)
        book.apply([EffectFactory.request(team: "cafe\u{301}", usd: 3)])
        book.apply([EffectFactory.request(team: nil, usd: 0, moves: [EffectFactory.move(usd: 3, from: "cafe\u{301}", to: "caf\u{E9}")])])
        #expect(book.statuses(now: Self.t0).map(\.consumedUSD) == [3])
    }
}
