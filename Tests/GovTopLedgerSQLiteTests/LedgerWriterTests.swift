import Foundation
import GovTopCore
import Synchronization
import Testing

/// The writer commits in the background, survives failing commits without losing their deltas,
/// and says so through the engine (a count and a critical alert).
@Suite struct LedgerWriterTests {
    /// A memory store whose commits fail while `failing` is set.
    final class FlakyStore: LedgerStore {
        let inner = MemoryLedgerStore()
        let failing = Atomic<Bool>(false)
        let attempts = Atomic<Int>(0)

        func restore() throws(LedgerStoreError) -> LedgerRestore { try inner.restore() }
        func commit(_ commit: LedgerCommit) throws(LedgerStoreError) {
            attempts.add(1, ordering: .relaxed)
            if failing.load(ordering: .relaxed) { throw LedgerStoreError(.write, "disk full (test)") }
            try inner.commit(commit)
        }
        func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer { try inner.history(query) }
        func prune(before: Int64) throws(LedgerStoreError) -> Int { try inner.prune(before: before) }
        func diskBytes() -> Int64 { 0 }
    }

    /// Polls until `condition` holds; a safety limit only, never a timing assertion. Sleeps without
    /// holding a thread: a blocked thread of the test process's small cooperative pool (2 on a
    /// 2-core machine) starves every other test running at the same time.
    private func eventually(_ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while true {
            // Checked once more after the deadline: a starved test task may wake only after it.
            if try condition() { return true }
            if Date() >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func failedCommitsAreCountedAlertedAndRetriedWithoutLoss() async throws {
        let clock = TestClock()
        let engine = LedgerEngines.make(clock)
        let store = FlakyStore()
        try engine.restore(from: store, path: "/state/ledger.sqlite")
        store.failing.store(true, ordering: .relaxed)
        let writer = LedgerWriter(engine: engine, store: store, pricingID: "p", interval: .milliseconds(10))
        writer.start()
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 2)]))
        #expect(await eventually { engine.summary().ledgerWriteErrors >= 2 })
        let alert = try #require(engine.alerts().first { $0.kind == .ledgerWriteFailure })
        #expect(alert.severity == .critical)
        #expect(alert.message.contains("disk full (test)"))
        #expect(alert.subject.contains("/state/ledger.sqlite"))
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(2, team: "ml", cost: 3)]))
        store.failing.store(false, ordering: .relaxed)
        #expect(await eventually { (try? store.restore().totals.requests) == 2 })
        writer.stop()
        #expect(try store.restore().totals.cost == Money(nanos: 5_000_000_000))
    }

    @Test func stopCommitsWhatIsLeft() throws {
        let clock = TestClock()
        let engine = LedgerEngines.make(clock)
        let store = MemoryLedgerStore()
        try engine.restore(from: store, path: "memory")
        let writer = LedgerWriter(engine: engine, store: store, pricingID: "p", interval: .seconds(3600))
        writer.start()
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 2)]))
        writer.stop()
        #expect(try store.restore().totals.requests == 1)
        #expect(try store.restore().budgets.map(\.name).sorted() == ["everything", "team:ml"])
    }

    @Test func anEngineWithoutALedgerCollectsNothing() {
        let engine = LedgerEngines.make(TestClock())
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 2)]))
        #expect(engine.drainLedger(pricingID: "p").buckets.isEmpty)
        #expect(!engine.hasLedger)
    }
}
