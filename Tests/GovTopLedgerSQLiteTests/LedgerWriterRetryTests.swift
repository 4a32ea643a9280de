import Foundation
import GovTopCore
import Synchronization
import Testing

/// fleet (issue 16): a batch whose commit failed is retried unchanged, with its sequence number,
/// before anything newer, so a store that applied it (only the answer was lost) can skip it.
@Suite struct LedgerWriterRetryTests {
    /// A memory store that keeps the sequence numbers it applied, skips one it has seen, and while
    /// `losingAnswers` applies a batch but then fails as if the answer had been lost.
    final class LostAnswerStore: LedgerStore {
        let inner = MemoryLedgerStore()
        let losingAnswers = Atomic<Bool>(false)
        let state = Mutex<(applied: Set<UInt64>, attempts: [UInt64])>(([], []))

        func restore() throws(LedgerStoreError) -> LedgerRestore { try inner.restore() }
        func commit(_ commit: LedgerCommit) throws(LedgerStoreError) {
            let fresh = state.withLock { state in
                state.attempts.append(commit.sequence)
                return state.applied.insert(commit.sequence).inserted
            }
            if fresh { try inner.commit(commit) }
            if losingAnswers.load(ordering: .relaxed) { throw LedgerStoreError(.write, "connection reset after COMMIT (test)") }
        }
        func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer { try inner.history(query) }
        func prune(before: Int64) throws(LedgerStoreError) -> Int { try inner.prune(before: before) }
        func diskBytes() -> Int64 { 0 }
    }

    private func eventually(_ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(120) // a safety limit, not a timing assertion
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func aBatchWhoseAnswerWasLostIsRetriedWithItsNumberAndCountedOnce() async throws {
        let engine = LedgerEngines.make(TestClock())
        let store = LostAnswerStore()
        try engine.restore(from: store, path: "/state/ledger.sqlite")
        store.losingAnswers.store(true, ordering: .relaxed)
        let writer = LedgerWriter(engine: engine, store: store, pricingID: "p", interval: .milliseconds(10))
        writer.start()
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 2)]))
        #expect(await eventually { engine.summary().ledgerWriteErrors >= 2 })
        // Spend that arrives while the first batch is in doubt waits for the next batch.
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(2, team: "ml", cost: 3)]))
        #expect(await eventually { engine.summary().ledgerWriteErrors >= 4 })
        store.losingAnswers.store(false, ordering: .relaxed)
        #expect(await eventually { (try? store.restore().totals.requests) == 2 })
        writer.stop()

        #expect(try store.restore().totals.cost == Money(nanos: 5_000_000_000))
        let attempts = store.state.withLock { $0.attempts }
        // Every attempt until the answer came back was batch 1; batch 2 followed once.
        let firstOther = try #require(attempts.firstIndex { $0 != 1 })
        #expect(firstOther >= 4)
        #expect(attempts[firstOther] == 2)
        #expect(attempts.allSatisfy { $0 >= 1 })
    }
}
