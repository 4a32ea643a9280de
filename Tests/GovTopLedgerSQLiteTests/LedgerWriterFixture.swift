import Foundation
import GovTopCore
import Synchronization

/// The ledger writer's tests: an engine restored from a memory store that fails on command, with a
/// writer committing every 10 ms.
struct LedgerWriterFixture {
    /// A memory store that records the sequence number of every commit attempt, skips a batch it has
    /// already applied (as the shared ledger does), and fails while told to: before applying (a full
    /// disk) or after (the answer to a COMMIT that went through was lost).
    final class ScriptedStore: LedgerStore {
        enum Failure: Sendable {
            case none, beforeApplying(String), afterApplying(String)
        }

        let inner = MemoryLedgerStore()
        let failure = Mutex<Failure>(.none)
        private let state = Mutex<(applied: Set<UInt64>, attempts: [UInt64])>(([], []))

        /// The sequence number of every commit tried, in order.
        var attempts: [UInt64] { state.withLock { $0.attempts } }

        func restore() throws(LedgerStoreError) -> LedgerRestore { try inner.restore() }
        func commit(_ commit: LedgerCommit) throws(LedgerStoreError) {
            let fresh = state.withLock { state in
                state.attempts.append(commit.sequence)
                return commit.sequence == 0 || !state.applied.contains(commit.sequence)
            }
            let failure = failure.withLock { $0 }
            if case .beforeApplying(let message) = failure { throw LedgerStoreError(.write, message) }
            if fresh {
                try inner.commit(commit)
                _ = state.withLock { $0.applied.insert(commit.sequence) }
            }
            if case .afterApplying(let message) = failure { throw LedgerStoreError(.write, message) }
        }
        func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer { try inner.history(query) }
        func prune(before: Int64) throws(LedgerStoreError) -> Int { try inner.prune(before: before) }
        func diskBytes() -> Int64 { 0 }
    }

    static let path = "/state/ledger.sqlite"

    let engine = LedgerEngines.make(TestClock())
    let store = ScriptedStore()
    let writer: LedgerWriter

    /// Restored and failing as told; the writer is not started yet.
    init(failing failure: ScriptedStore.Failure) throws {
        try engine.restore(from: store, path: Self.path)
        store.failure.withLock { $0 = failure }
        writer = LedgerWriter(engine: engine, store: store, pricingID: "p", interval: .milliseconds(10))
    }

    /// One span of team ml costing `cost` dollars.
    func spend(_ id: UInt64, cost: Double) {
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(id, team: "ml", cost: cost)]))
    }

    /// Polls until `condition` holds; a safety limit only, never a timing assertion. Sleeps without
    /// holding a thread: a blocked thread of the test process's small cooperative pool (2 on a
    /// 2-core machine) starves every other test running at the same time.
    static func eventually(_ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while true {
            // Checked once more after the deadline: a starved test task may wake only after it.
            if try condition() { return true }
            if Date() >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
