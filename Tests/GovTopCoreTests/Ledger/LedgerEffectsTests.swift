import Testing
@testable import GovTopCore

/// The ledger alone, fed effect lists as the engine's phase two hands them over.
@Suite struct LedgerEffectsTests {
    private func cost(_ ledger: Ledger, _ dimension: Dimension, _ key: String) -> Money? {
        ledger.table(dimension).rows(now: EffectFactory.t0).first { $0.key == key }?.totals.cost
    }

    @Test func spansCountUnderTheirEffectiveAttribution() {
        var ledger = Ledger(maxGroupsPerDimension: 100)
        ledger.apply([EffectFactory.request(team: "ml", usd: 0.25), EffectFactory.request(team: nil, usd: 1, model: "o3")])
        #expect(ledger.totals.cost == .dollars(1.25))
        #expect(cost(ledger, .team, "ml") == .dollars(0.25))
        #expect(cost(ledger, .team, Dimension.unattributed) == .dollars(1))
        #expect(cost(ledger, .model, "o3") == .dollars(1))
        #expect(ledger.labelCounters.count == 2)
    }

    /// A move shifts the amount between the attribution groups only: totals, model groups and the
    /// Prometheus counters (labels fixed at arrival) stay.
    @Test func movesShiftGroupsNotTotals() {
        var ledger = Ledger(maxGroupsPerDimension: 100)
        ledger.apply([EffectFactory.request(team: nil, usd: 0.5)])
        ledger.apply([EffectFactory.request(team: "web", usd: 2, moves: [EffectFactory.move(usd: 0.5, from: nil, to: "web")])])
        #expect(ledger.totals.cost == .dollars(2.5))
        #expect(cost(ledger, .team, "web") == .dollars(2.5))
        #expect(cost(ledger, .team, Dimension.unattributed) == .zero)
        #expect(cost(ledger, .model, "gpt-4o") == .dollars(2.5))
        let labelled = ledger.labelCounters.series.map { ($0.key.team, $0.value.cost) }
        #expect(labelled.map(\.0) == [Dimension.unattributed, "web"])
        #expect(labelled.map(\.1) == [.dollars(0.5), .dollars(2)])
    }

    @Test func totalsOnlyWithoutGovernance() {
        var ledger = Ledger(maxGroupsPerDimension: 100)
        var effects = StoreEffects()
        effects.spans = [StoredSpanEffect(sequence: 0, effective: Attribution(team: "ml"), contribution: EffectFactory.contribution(usd: 3))]
        ledger.applyTotals(effects)
        #expect(ledger.totals.cost == .dollars(3))
        #expect(ledger.table(.team).count == 0)
    }
}
