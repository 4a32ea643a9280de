import Foundation
import GovTopCore
import Synchronization

/// fleet (issue 16): claims fleet-wide notifications in the shared ledger before they reach a sink,
/// so a budget alert that every instance raises is sent by one. A thread of its own (never the ingest
/// path, never the notifier's drain, so an unreachable database delays no other notification) works
/// through a `ClaimQueue`: a won claim goes to the sink, a lost one is recorded as notified by another
/// instance, and one that got no answer within `maxWaitSeconds` is delivered anyway (a duplicate is
/// better than a notification lost).
final class FleetClaimer: Sendable {
    /// A notification for the sink at `sink` (its index in the notifier's list).
    struct Pending: Sendable {
        var sink: Int
        var event: NotificationEvent
    }

    private let store: any NotificationClaimStore
    private let engine: Engine
    private let sinks: [NotificationSinkSettings]
    private let deliver: @Sendable (Pending) -> Void
    private let queue: Mutex<ClaimQueue<Pending>>
    private let status: Mutex<FleetClaimStatus>
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)

    /// - Parameter deliver: hands a notification to its sink's worker (won or unclaimed).
    init(store: any NotificationClaimStore, engine: Engine, sinks: [NotificationSinkSettings], maxWaitSeconds: Double,
         deliver: @escaping @Sendable (Pending) -> Void) {
        self.store = store
        self.engine = engine
        self.sinks = sinks
        self.deliver = deliver
        queue = Mutex(ClaimQueue(maxWaitSeconds: maxWaitSeconds))
        status = Mutex(FleetClaimStatus(instance: store.instance))
    }

    func start() {
        engine.publishFleetClaimStatus(status.withLock { $0 })
        let thread = Thread { [self] in run() }
        thread.name = "govtop-notify-claims"
        thread.start()
    }

    /// Claims what waits (each item once; after a claim that got no answer the rest go unclaimed),
    /// then ends the thread.
    func stop() {
        stopping.store(true, ordering: .releasing)
        wake.signal()
        finished.wait()
    }

    func enqueue(_ pending: Pending) {
        let added = queue.withLock { $0.enqueue(pending, now: engine.currentTime()) }
        guard added else {
            handOut(pending, unclaimed: true)
            return
        }
        update { $0.pending += 1 }
        wake.signal()
    }

    private func run() {
        while true {
            let now = engine.currentTime()
            let stop = stopping.load(ordering: .acquiring)
            switch queue.withLock({ $0.next(now: now) }) {
            case .claim(let pending):
                attempt(pending, stopping: stop)
            case .deliverUnclaimed(let pending):
                update { $0.pending -= 1 }
                handOut(pending, unclaimed: true)
            case .wait(let until):
                if stop {
                    drainUnclaimed()
                    finished.signal()
                    return
                }
                _ = wake.wait(timeout: .now() + .nanoseconds(Int(min(until > now ? until - now : 0, 60_000_000_000))))
            case .idle, .busy:
                if stop {
                    finished.signal()
                    return
                }
                wake.wait()
            }
        }
    }

    private func attempt(_ pending: Pending, stopping stop: Bool) {
        let sink = sinks[pending.sink]
        let claim = NotificationClaim(sink: sink.name, event: pending.event, repeatAfterSeconds: sink.repeatAfterSeconds)
        do throws(LedgerStoreError) {
            let outcome = try store.claim(claim)
            queue.withLock { $0.settled() }
            switch outcome {
            case .won:
                update { status in
                    status.pending -= 1
                    status.won += 1
                }
                deliver(pending)
            case .lost(let by):
                let alert = pending.event.alert
                let entry = NotifiedElsewhere(sink: sink.name, alertID: alert.id, kind: alert.kind, subject: alert.subject,
                                              event: pending.event.reason, by: by, at: engine.currentTime())
                update { status in
                    status.pending -= 1
                    status.recordElsewhere(entry)
                }
            }
        } catch {
            let now = engine.currentTime()
            queue.withLock { $0.failed(now: now) }
            update { status in
                status.failedAttempts += 1
                status.lastError = ControlCharacters.replaced(in: String(error.description.prefix(300)))
                status.lastErrorAt = now
            }
            if stop { drainUnclaimed() }
        }
    }

    /// At shutdown, after a claim got no answer: everything still waiting goes out unclaimed.
    private func drainUnclaimed() {
        while true {
            let far = UInt64.max
            guard case .deliverUnclaimed(let pending) = queue.withLock({ $0.next(now: far) }) else { return }
            update { $0.pending -= 1 }
            handOut(pending, unclaimed: true)
        }
    }

    private func handOut(_ pending: Pending, unclaimed: Bool) {
        if unclaimed { update { $0.deliveredUnclaimed += 1 } }
        deliver(pending)
    }

    /// Changes the status and publishes it under its lock, so a later state never loses to an earlier one.
    private func update(_ body: (inout FleetClaimStatus) -> Void) {
        status.withLock { status in
            body(&status)
            engine.publishFleetClaimStatus(status)
        }
    }
}
