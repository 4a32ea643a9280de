import Foundation
import GovTopCore
import Synchronization

/// Takes alert changes from the engine and hands each sink the notifications its filters admit.
/// A thread of its own drains the engine's outbox every `interval` (one short lock, never waiting on
/// a sink); each sink delivers on its own `SinkWorker` thread, so ingest and the other sinks go on
/// while one sink hangs.
public final class Notifier: Sendable {
    private let engine: Engine
    private let workers: [SinkWorker]
    private let gates: Mutex<[NotificationGate]>
    private let interval: Duration
    private let reminderEvery: UInt64
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)
    /// fleet (issue 16): claims fleet-wide notifications in the shared ledger; nil outside a fleet.
    private let claimer: FleetClaimer?

    /// How long a fleet-wide notification waits for its claim when the shared ledger does not answer,
    /// before it is delivered anyway.
    public static let defaultClaimWaitSeconds = 10.0

    /// Builds the sinks' transports (a TLS context for `https` URLs); throws when TLS cannot be set up.
    ///
    /// - Parameter claims: the shared ledger of a fleet: fleet-wide notifications (`NotificationEvent.isFleetWide`)
    ///   are claimed there first, so one instance sends each.
    public convenience init(engine: Engine, sinks: [NotificationSinkSettings], interval: Duration = .milliseconds(200),
                            claims: (any NotificationClaimStore)? = nil, claimWaitSeconds: Double = Notifier.defaultClaimWaitSeconds) throws {
        let transports: [any NotificationTransport] = try sinks.map { sink in
            switch sink.target {
            case .webhook(let url), .slack(let url): return try HTTPTransport(url: url, timeoutSeconds: sink.timeoutSeconds)
            case .command(let argv): return CommandTransport(argv: argv, timeoutSeconds: sink.timeoutSeconds)
            }
        }
        self.init(engine: engine, sinks: Array(zip(sinks, transports)), interval: interval, claims: claims,
                  claimWaitSeconds: claimWaitSeconds)
    }

    init(engine: Engine, sinks: [(NotificationSinkSettings, any NotificationTransport)], interval: Duration,
         claims: (any NotificationClaimStore)? = nil, claimWaitSeconds: Double = Notifier.defaultClaimWaitSeconds) {
        self.engine = engine
        let workers = sinks.map { SinkWorker(settings: $0.0, transport: $0.1, engine: engine) }
        self.workers = workers
        claimer = claims.map { store in
            FleetClaimer(store: store, engine: engine, sinks: sinks.map(\.0), maxWaitSeconds: claimWaitSeconds) { pending in
                workers[pending.sink].enqueue(pending.event)
            }
        }
        gates = Mutex(sinks.map { NotificationGate(settings: $0.0) })
        self.interval = interval
        let repeats = sinks.map(\.0.repeatAfterSeconds).filter { $0 > 0 }
        // Reminders are looked for often enough for the shortest repeat_after, at most once a second.
        reminderEvery = repeats.min().map { UInt64(max(1, min($0 / 4, 60)) * 1e9) } ?? 0
    }

    /// Enables the engine's outbox and starts the threads.
    public func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        engine.enableNotifications(workers.map(\.status))
        for worker in workers { worker.start() }
        claimer?.start()
        let thread = Thread { [self] in run() }
        thread.name = "govtop-notifier"
        thread.start()
    }

    /// Hands out what is left in the outbox, then stops the sinks (each after its attempt under way).
    public func stop() {
        guard started.load(ordering: .acquiring), !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        finished.wait()
        claimer?.stop()
        for worker in workers { worker.stop() }
    }

    private func run() {
        let nanos = max(1_000_000, interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000)
        var remindedAt: UInt64 = 0
        while true {
            let last = stopping.load(ordering: .acquiring)
            if !last { _ = wake.wait(timeout: .now() + .nanoseconds(Int(nanos))) }
            let now = engine.currentTime()
            let reminding = reminderEvery > 0 && (now < remindedAt || now - remindedAt >= reminderEvery)
            if reminding { remindedAt = now }
            dispatch(engine.drainNotifications(includeActive: reminding), now: now, reminding: reminding)
            if last { break }
        }
        finished.signal()
    }

    private func dispatch(_ drain: NotificationDrain, now: UInt64, reminding: Bool) {
        let perSink: [[NotificationEvent]] = gates.withLock { gates in
            gates.indices.map { index in
                var events: [NotificationEvent] = []
                for change in drain.changes {
                    if let reason = gates[index].admit(change, now: now) {
                        events.append(NotificationEvent(reason: reason, alert: change.alert, budget: drain.budgets[change.alert.subject]))
                    }
                }
                if reminding {
                    for alert in gates[index].reminders(drain.active, now: now) {
                        events.append(NotificationEvent(reason: .repeated, alert: alert, budget: drain.budgets[alert.subject]))
                    }
                }
                workers[index].setSuppressed(gates[index].suppressed)
                return events
            }
        }
        for (index, events) in perSink.enumerated() {
            for event in events {
                if let claimer, event.isFleetWide {
                    claimer.enqueue(FleetClaimer.Pending(sink: index, event: event))
                } else {
                    workers[index].enqueue(event)
                }
            }
        }
        if !drain.changes.isEmpty, let first = workers.first {
            engine.publishNotificationStatus(first.status, outboxDropped: drain.outboxDropped)
        }
    }
}
