import Foundation
import Synchronization

/// The one writer of the ledger of record: a thread of its own that, at most once per `interval`
/// and once more at `stop()`, takes the engine's pending deltas (`Engine.drainLedger`) and commits
/// them. Ingest never waits for it: the engine's lock is held only to take the deltas out.
///
/// A failed commit (full disk, I/O error, file-size limit, a database that went away) is counted and
/// alerted (`Engine.recordLedgerWriteFailure`); its batch is retried as it is, with its sequence
/// number, before anything newer, so nothing is lost once writing works again and a store that did
/// apply it (only the answer was lost) recognizes and skips it. Deltas drained meanwhile merge into
/// the next batch; each is bounded like the engine's deltas (a bucket per group and hour), and
/// budgets and the alert log are absolute, so a later batch carries the latest.
public final class LedgerWriter: Sendable {
    private let engine: Engine
    private let store: any LedgerStore
    private let pricingID: String
    private let interval: Duration
    private let retentionSeconds: Int64
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)
    private let commits = Atomic<Int>(0)
    private let maxPending: Int

    /// - Parameter maxPending: the most buckets waiting for a store that fails (250 000; tests make it small).
    public init(engine: Engine, store: any LedgerStore, pricingID: String, interval: Duration = .seconds(1),
                retentionDays: Int = 400, maxPending: Int? = nil) {
        self.maxPending = max(1, maxPending ?? LedgerDeltas.maxPending)
        self.engine = engine
        self.store = store
        self.pricingID = pricingID
        self.interval = interval
        self.retentionSeconds = Int64(max(1, retentionDays)) * 86_400
    }

    /// Successful commits so far.
    public var commitCount: Int { commits.load(ordering: .relaxed) }

    public func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let thread = Thread { [self] in run() }
        thread.name = "govtop-ledger-writer"
        thread.start()
    }

    /// Commits what is left and waits for the writer to finish (at shutdown).
    public func stop() {
        guard started.load(ordering: .acquiring), !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        finished.wait()
    }

    private func run() {
        // A batch whose commit failed: retried unchanged (same sequence) before `pending` (fleet: issue 16).
        var inDoubt: LedgerCommit?
        var sequence: UInt64 = 0
        var pending = LedgerCommit()
        var written = (budgets: [BudgetPeriodRecord](), alerts: AlertLogRecord?.none)
        var prunedAt = Int64.min
        // Buckets left out of `pending`: their later deltas are left out too (a move would go negative).
        var dropped = DroppedBuckets(capacity: maxPending)
        // fleet (issue 16): a shared store is read back after each commit (FleetOverlay explains why).
        let shared = store as? any SharedLedgerStore
        var baseline = FleetBaseline()
        let nanos = interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
        while true {
            let last = stopping.load(ordering: .acquiring)
            if !last { _ = wake.wait(timeout: .now() + .nanoseconds(Int(max(1_000_000, nanos)))) }
            var batch: LedgerCommit
            if shared != nil {
                (batch, baseline) = engine.drainLedgerForFleet(pricingID: pricingID)
            } else {
                batch = engine.drainLedger(pricingID: pricingID)
            }
            if batch.budgets == written.budgets { batch.budgets = [] }
            if batch.alerts == written.alerts { batch.alerts = nil }
            var droppedCount = 0
            if !dropped.isEmpty {
                let count = batch.buckets.count
                batch.buckets.removeAll { dropped.contains($0.key) }
                droppedCount += count - batch.buckets.count
            }
            pending.merge(batch)
            if pending.buckets.count > maxPending {
                let oldest = pending.buckets.count - maxPending
                for delta in pending.buckets.prefix(oldest) { dropped.insert(delta.key) }
                pending.buckets.removeFirst(oldest)
                droppedCount += oldest
            }
            if droppedCount > 0 { engine.countDroppedLedgerDeltas(droppedCount) }
            // The batch in doubt first, then (when it went through) what is pending.
            while true {
                if inDoubt == nil, !pending.isEmpty {
                    sequence += 1
                    pending.sequence = sequence
                    inDoubt = pending
                    pending = LedgerCommit()
                }
                guard let attempt = inDoubt else { break }
                do {
                    try store.commit(attempt)
                    commits.add(1, ordering: .relaxed)
                    if !attempt.budgets.isEmpty { written.budgets = attempt.budgets }
                    if let alerts = attempt.alerts { written.alerts = alerts }
                    inDoubt = nil
                } catch {
                    engine.recordLedgerWriteFailure(error)
                    break
                }
            }
            if let shared, inDoubt == nil, pending.isEmpty {
                do {
                    engine.applyFleet(try shared.fleetFigures(), baseline: baseline)
                } catch {
                    engine.recordFleetReadFailure(error)
                }
            }
            let hour = Int64(engine.clock.now() / 3_600_000_000_000)
            if hour != prunedAt {
                prunedAt = hour
                _ = try? store.prune(before: hour * 3600 - retentionSeconds)
            }
            if stopping.load(ordering: .acquiring) && last { break }
        }
        finished.signal()
    }
}
