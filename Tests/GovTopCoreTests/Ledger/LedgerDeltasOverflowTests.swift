@testable import GovTopCore
import Testing

/// Past `maxPending` buckets the ledger's deltas leave new buckets out. A move arriving after a drain out
/// of such a bucket would be a negative delta for a bucket the store never received; it is left out
/// too, and counted with the rest.
@Suite struct LedgerDeltasOverflowTests {
    @Test func aMoveOutOfABucketLeftOutIsLeftOutTooSoNoDeltaIsNegative() {
        // A span makes a bucket for all spend and one per dimension (10); a second team one more: all
        // that may wait here.
        var ledger = Ledger(maxGroupsPerDimension: 100, maxPendingDeltas: 11)
        ledger.deltas.enable()
        ledger.apply([EffectFactory.request(team: nil, usd: 1), EffectFactory.request(team: "x", usd: 1)])
        #expect(ledger.deltas.pendingCount == 11)
        // Team ml's bucket does not fit: left out.
        ledger.apply([EffectFactory.request(team: "ml", usd: 2)])
        #expect(ledger.deltas.dropped == 1)
        let first = ledger.deltas.drain()
        #expect(!first.contains { $0.key.series == LedgerSeries(dimension: .team, key: "ml") })

        // Later the ml span moves to team web: out of ml (never received by the store), into web. There
        // is room again (10 buckets for the new span, one for the move out of ml).
        ledger.apply([EffectFactory.request(team: "web", usd: 0, moves: [EffectFactory.move(usd: 2, from: "ml", to: "web")])])
        let second = ledger.deltas.drain()
        #expect(!second.contains { $0.key.series == LedgerSeries(dimension: .team, key: "ml") })
        #expect(!second.contains { $0.amounts.requests < 0 })
        #expect(second.first { $0.key.series == LedgerSeries(dimension: .team, key: "web") }?.amounts.requests == 2)
        #expect(ledger.deltas.dropped == 2)

        // And any later spend of ml in that hour, so a move out of it cannot outweigh what was kept.
        ledger.apply([EffectFactory.request(team: "ml", usd: 1)])
        #expect(!ledger.deltas.drain().contains { $0.key.series == LedgerSeries(dimension: .team, key: "ml") })
        #expect(ledger.deltas.dropped == 3)
    }

    /// The deltas name the groups the ledger's tables count, folded into `(other)` by the same table
    /// (a full one), moves included: what a restart restores is what was shown.
    @Test func deltasAreCountedUnderTheGroupsTheTablesCount() {
        var ledger = Ledger(maxGroupsPerDimension: 2)
        ledger.deltas.enable()
        ledger.apply([EffectFactory.request(team: "a", usd: 1), EffectFactory.request(team: "b", usd: 2),
                      EffectFactory.request(team: "c", usd: 4),
                      EffectFactory.request(team: "a", usd: 0, moves: [EffectFactory.move(usd: 2, from: "b", to: "d")])])
        var written: [String: Totals] = [:]
        for delta in ledger.deltas.drain() where delta.key.series.dimension == .team {
            written[delta.key.series.key, default: Totals()].add(delta.amounts)
        }
        let shown = Dictionary(uniqueKeysWithValues: ledger.table(.team).groupTotals.map { ($0.key, $0.totals) })
        #expect(Set(shown.keys) == ["a", "b", Dimension.other])
        // b's spend moved out within the hour: nothing is left to write for it.
        #expect(written == shown.filter { !$0.value.isZero })
        #expect(written[Dimension.other]?.cost == Money(nanos: 6_000_000_000))
    }

    /// The memory of dropped buckets is bounded: past its capacity it remembers their hours.
    @Test func droppedBucketsPastTheirCapacityAreRememberedByHour() {
        func key(_ team: String, _ hour: Int64) -> LedgerBucketKey {
            LedgerBucketKey(series: LedgerSeries(dimension: .team, key: team), hourStart: hour)
        }
        var dropped = DroppedBuckets(capacity: 1)
        #expect(!dropped.contains(key("ml", 0)))
        dropped.insert(key("ml", 0))
        dropped.insert(key("web", 3600))
        #expect(dropped.contains(key("ml", 0)) && dropped.contains(key("web", 3600)))
        // The second is remembered by its hour: every bucket of that hour is left out from now on…
        #expect(dropped.contains(key("ops", 3600)))
        // …while the first hour still only leaves out the bucket that was dropped.
        #expect(!dropped.contains(key("ops", 0)))
    }
}
