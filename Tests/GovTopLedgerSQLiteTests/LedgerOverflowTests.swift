import Foundation
import GovTopCore
import GovTopLedgerSQLite
import Synchronization
import Testing

/// During an outage the writer keeps at most `maxPending` buckets and leaves the oldest out. A move
/// arriving later out of a bucket that was left out must be left out too: written, it would be a
/// negative amount in a bucket the file never received, which govtop refuses when it opens the file.
@Suite struct LedgerOverflowTests {
    /// The real SQLite ledger, failing every commit while `down` (a full disk, a database away).
    final class OutageStore: LedgerStore {
        let inner: SQLiteLedgerStore
        let down = Mutex(false)

        init(path: String) throws { inner = try SQLiteLedgerStore(path: path, now: 0) }

        func restore() throws(LedgerStoreError) -> LedgerRestore { try inner.restore() }
        func commit(_ commit: LedgerCommit) throws(LedgerStoreError) {
            if down.withLock({ $0 }) { throw LedgerStoreError(.write, "disk full (test)") }
            try inner.commit(commit)
        }
        func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer { try inner.history(query) }
        func prune(before: Int64) throws(LedgerStoreError) -> Int { try inner.prune(before: before) }
        func diskBytes() -> Int64 { 0 }
    }

    @Test func aMoveOutOfABucketLeftOutDuringAnOutageIsLeftOutTooAndTheFileOpens() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("ledger.sqlite")
        let clock = TestClock()
        let engine = LedgerEngines.make(clock)
        let store = try OutageStore(path: path)
        try engine.restore(from: store, path: path)
        // A span makes a bucket for all spend and one per dimension (10); 12 may wait.
        let writer = LedgerWriter(engine: engine, store: store, pricingID: "p", interval: .milliseconds(10), maxPending: 12)
        store.down.withLock { $0 = true }
        writer.start()

        // The first batch after the outage began is the one retried as it is; what follows waits.
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "first", cost: 1)]))
        #expect(await LedgerWriterFixture.eventually { engine.summary().ledgerWriteErrors >= 1 })
        // A child without a team, its parent not here yet: counted under team (unattributed)…
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(2, team: nil, cost: 1, parent: 100, trace: 100)]))
        // …and pushed out of the waiting buckets by 12 teams' spend.
        engine.ingest(LedgerSpans.batch((1...12).map { LedgerSpans.call(10 + $0, team: "t\($0)", cost: 1) }))
        #expect(await LedgerWriterFixture.eventually { engine.summary().ledgerBucketsDropped >= 10 })

        // The parent arrives: the child moves from (unattributed) to ml, out of a bucket left out.
        let errors = engine.summary().ledgerWriteErrors
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(100, team: "ml", cost: 0.5, trace: 100)]))
        #expect(engine.groups(by: .team).contains { $0.key == "ml" && $0.totals.requests == 2 })
        // Two more failed rounds: the writer has taken the move.
        #expect(await LedgerWriterFixture.eventually { engine.summary().ledgerWriteErrors >= errors + 2 })

        store.down.withLock { $0 = false }
        writer.stop()
        #expect(engine.summary().ledgerBucketsDropped > 10)

        // The file opens (nothing negative in it), in a new engine as at start-up, and its history reads.
        let reopened = try SQLiteLedgerStore(path: path, now: 0)
        let restored = try reopened.restore()
        #expect(restored.totals.requests >= 1)
        let groups = Dictionary(uniqueKeysWithValues: restored.groups.map { ($0.series, $0.totals) })
        #expect(groups[LedgerSeries(dimension: .team, key: "first")]?.requests == 1)
        #expect(groups[LedgerSeries(dimension: .team, key: Dimension.unattributed)].map { $0.requests >= 0 } ?? true)
        let second = LedgerEngines.make(clock)
        try second.restore(from: reopened, path: path)
        let hour = LedgerBucketKey.hourStart(of: clock.now)
        let history = try reopened.history(HistoryQuery(dimension: .team, bucket: .hour, from: hour - 3600, to: hour + 3600))
        #expect(!history.series.isEmpty)
    }
}
