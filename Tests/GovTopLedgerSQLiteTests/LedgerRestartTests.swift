import Foundation
import GovTopCore
@testable import GovTopLedgerSQLite
import Testing

/// A restart through each store gives back the groups, budgets and alerts a run left.
@Suite struct LedgerRestartTests {
    enum Kind: String, CaseIterable { case sqlite, memory }

    /// A store that outlives an engine: SQLite reopened from its file, or the same memory store.
    final class Stores {
        let directory = TemporaryDirectory()
        let kind: Kind
        private var memory = MemoryLedgerStore()

        init(_ kind: Kind) { self.kind = kind }

        func open() throws -> any LedgerStore {
            switch kind {
            case .sqlite: try SQLiteLedgerStore(path: directory.file("ledger.sqlite"), now: 0)
            case .memory: memory
            }
        }
    }

    @Test(arguments: Kind.allCases)
    func restartKeepsGroupsBudgetsAndAlertsWithAcknowledgements(_ kind: Kind) throws {
        let stores = Stores(kind)
        let clock = TestClock()
        let first = LedgerEngines.make(clock)
        try first.restore(from: try stores.open(), path: "test")
        first.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 0.75), LedgerSpans.call(2, team: "ml", cost: 0.75),
                                        LedgerSpans.call(3, team: "web", cost: 2, model: "claude")]))
        clock.advance(seconds: 1)
        first.tick()
        let threshold = try #require(first.alerts().first { $0.kind == .budgetThreshold })
        #expect(first.acknowledgeAlert(id: threshold.id) != nil)
        try stores.open().commit(first.drainLedger(pricingID: "p1"))
        let before = LedgerEngines.visible(first)

        let second = LedgerEngines.make(clock)
        try second.restore(from: try stores.open(), path: "test")
        #expect(LedgerEngines.visible(second) == before)
        #expect(second.alerts().first { $0.id == threshold.id }?.acknowledged == true)

        // New spend adds to what was restored, and a new alert gets a new id.
        second.ingest(LedgerSpans.batch([LedgerSpans.call(4, team: "ml", cost: 1)]))
        #expect(second.groups(by: .team).first { $0.key == "ml" }?.totals.cost == Money(nanos: 2_500_000_000))
        #expect(second.budgets().first { $0.name == "team:ml" }?.consumedUSD == 2.5)
    }

    @Test(arguments: Kind.allCases)
    func aPeriodThatRolledOverWhileStoppedStartsFresh(_ kind: Kind) throws {
        let stores = Stores(kind)
        let clock = TestClock()
        let first = LedgerEngines.make(clock)
        try first.restore(from: try stores.open(), path: "test")
        first.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 3)]))
        try stores.open().commit(first.drainLedger(pricingID: "p1"))

        clock.advance(seconds: 86_400) // the next day: the daily budget's period is over, the month is not
        let second = LedgerEngines.make(clock)
        try second.restore(from: try stores.open(), path: "test")
        let budgets = Dictionary(uniqueKeysWithValues: second.budgets().map { ($0.name, $0.consumedUSD) })
        #expect(budgets["team:ml"] == 0)
        #expect(budgets["everything"] == 3)
        #expect(second.groups(by: .team).first?.totals.cost == Money(nanos: 3_000_000_000))
    }

    @Test(arguments: Kind.allCases)
    func movesBetweenGroupsAreKeptAsTheGroupsShowThem(_ kind: Kind) throws {
        let stores = Stores(kind)
        let clock = TestClock()
        let first = LedgerEngines.make(clock)
        try first.restore(from: try stores.open(), path: "test")
        // A child without a team arrives before its parent: it is moved to the parent's team later.
        first.ingest(LedgerSpans.batch([LedgerSpans.call(2, team: nil, cost: 1, parent: 1, trace: 9)]))
        try stores.open().commit(first.drainLedger(pricingID: "p1"))
        first.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 0.5, trace: 9)]))
        try stores.open().commit(first.drainLedger(pricingID: "p1"))
        let second = LedgerEngines.make(clock)
        try second.restore(from: try stores.open(), path: "test")
        #expect(LedgerEngines.visible(second) == LedgerEngines.visible(first))
    }

    @Test func groupsBeyondTheCapFoldIntoOtherAsTheTableFoldsThem() throws {
        let stores = Stores(.sqlite)
        let clock = TestClock()
        let configuration = EngineConfiguration(maxGroupsPerDimension: 2)
        let first = Engine(configuration: configuration, clock: clock.clock)
        try first.restore(from: try stores.open(), path: "test")
        first.ingest(LedgerSpans.batch((1...5).map { LedgerSpans.call($0, team: "t\($0)", cost: 1) }))
        try stores.open().commit(first.drainLedger(pricingID: "p1"))
        let second = Engine(configuration: configuration, clock: clock.clock)
        try second.restore(from: try stores.open(), path: "test")
        #expect(LedgerEngines.visible(second) == LedgerEngines.visible(first))
        second.ingest(LedgerSpans.batch([LedgerSpans.call(9, team: "t9", cost: 1)]))
        let commit = second.drainLedger(pricingID: "p1")
        #expect(commit.buckets.contains { $0.key.series == LedgerSeries(dimension: .team, key: Dimension.other) })
    }

    @Test func amountsBeyondSixtyFourBitsSurviveExactly() throws {
        let directory = TemporaryDirectory()
        let store = try SQLiteLedgerStore(path: directory.file("ledger.sqlite"), now: 0)
        var huge = Totals()
        huge.reportedCost = Money(nanos: Int128(Int64.max) * 3 + 7)
        huge.inputTokens = Int128(Int64.max) + 1
        huge.requests = 2
        let key = LedgerBucketKey(series: LedgerSeries(dimension: .team, key: "big"), hourStart: 3600)
        try store.commit(LedgerCommit(buckets: [LedgerBucketDelta(key: key, amounts: huge)], pricingID: "p"))
        try store.commit(LedgerCommit(buckets: [LedgerBucketDelta(key: key, amounts: huge)], pricingID: "p"))
        var doubled = huge
        doubled.add(huge)
        let reopened = try SQLiteLedgerStore(path: directory.file("ledger.sqlite"), now: 0)
        #expect(try reopened.restore().groups.first?.totals == doubled)
        let history = try reopened.history(HistoryQuery(dimension: .team, bucket: .hour, from: 0, to: 7200))
        #expect(history.series.first?.points.map(\.totals) == [Totals(), doubled])
    }

    @Test func eachBucketNamesThePricingTableThatPricedIt() throws {
        let directory = TemporaryDirectory()
        let store = try SQLiteLedgerStore(path: directory.file("ledger.sqlite"), now: 0)
        var amounts = Totals()
        amounts.requests = 1
        let key = LedgerBucketKey(series: .all, hourStart: 0)
        try store.commit(LedgerCommit(buckets: [LedgerBucketDelta(key: key, amounts: amounts)], pricingID: "2026-01-01/aaaa"))
        try store.commit(LedgerCommit(buckets: [LedgerBucketDelta(key: key, amounts: amounts)], pricingID: "2026-02-01/bbbb"))
        let rows = try SQLiteInspection.rows(directory.file("ledger.sqlite"), """
            SELECT p.fingerprint, h.requests FROM hourly h JOIN pricing_tables p ON p.id = h.pricing_id ORDER BY p.fingerprint
            """)
        #expect(rows == [["2026-01-01/aaaa", "1"], ["2026-02-01/bbbb", "1"]])
        #expect(try store.restore().totals.requests == 2)
    }

    @Test func theFingerprintFollowsThePricesNotTheInstance() throws {
        #expect(PricingFingerprint.of(.shipped) == PricingFingerprint.of(try PricingTable.builtIn()))
        #expect(PricingFingerprint.of(.shipped).hasPrefix(PricingTable.shipped.asOf + "/"))
        let changed = try PricingTable(asOf: PricingTable.shipped.asOf, entries: Array(PricingTable.shipped.entries.dropFirst()))
        #expect(PricingFingerprint.of(changed) != PricingFingerprint.of(.shipped))
    }
}
