import Foundation
import GovTopCore
import Synchronization

/// One sink's delivery thread: takes notifications from its `DeliveryQueue` in order, delivers them
/// through the transport (blocking only this thread), backs off after failures, publishes its state
/// and raises (then resolves) the sink's failure alert. A hanging receiver holds up only this sink.
final class SinkWorker: Sendable {
    let settings: NotificationSinkSettings
    private let transport: any NotificationTransport
    private let engine: Engine
    private let queue: Mutex<DeliveryQueue<NotificationEvent>>
    private let suppressed = Atomic<Int>(0)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)

    init(settings: NotificationSinkSettings, transport: any NotificationTransport, engine: Engine) {
        self.settings = settings
        self.transport = transport
        self.engine = engine
        queue = Mutex(DeliveryQueue(capacity: settings.queueCapacity, maxAttempts: settings.maxAttempts,
                                    backoffSeconds: settings.backoffSeconds, maxBackoffSeconds: settings.maxBackoffSeconds))
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "govtop-notify-\(settings.name)"
        thread.start()
    }

    /// Stops without waiting for backoffs. An attempt under way is given `grace` to finish; one to a
    /// receiver that hangs goes on in the background until its timeout, and the thread then ends.
    func stop(grace: Duration = .seconds(2)) {
        stopping.store(true, ordering: .releasing)
        wake.signal()
        _ = finished.wait(timeout: .now() + .milliseconds(Int(grace.components.seconds * 1000)))
    }

    func enqueue(_ event: NotificationEvent) {
        queue.withLock { queue in
            queue.enqueue(event)
            publish(queue)
        }
        wake.signal()
    }

    func setSuppressed(_ count: Int) {
        guard suppressed.exchange(count, ordering: .relaxed) != count else { return }
        queue.withLock { publish($0) }
    }

    var status: SinkStatus {
        queue.withLock { status($0) }
    }

    private func status(_ queue: DeliveryQueue<NotificationEvent>) -> SinkStatus {
        SinkStatus(name: settings.name, kind: settings.target.kind, target: settings.target.shown, stats: queue.stats,
                   pending: queue.pending, suppressed: suppressed.load(ordering: .relaxed))
    }

    /// Publishes under the queue's lock, so a later state is never overwritten by an earlier one.
    private func publish(_ queue: DeliveryQueue<NotificationEvent>) {
        engine.publishNotificationStatus(status(queue))
    }

    private func run() {
        var alerted = false
        while !stopping.load(ordering: .acquiring) {
            let now = engine.currentTime()
            switch queue.withLock({ $0.next(now: now) }) {
            case .idle, .busy:
                wake.wait()
            case .wait(let until):
                let nanos = until > now ? until - now : 0
                _ = wake.wait(timeout: .now() + .nanoseconds(Int(min(nanos, 3_600_000_000_000))))
            case .send(let event, _):
                let body = settings.target.isSlack ? NotificationPayload.slack(event) : NotificationPayload.json(event, sink: settings.name)
                do throws(DeliveryFailure) {
                    try transport.deliver(body)
                    queue.withLock { queue in
                        queue.succeeded(now: engine.currentTime())
                        publish(queue)
                    }
                    if alerted {
                        alerted = false
                        engine.recordNotificationRecovery(sink: settings.name)
                    }
                } catch {
                    let failures = queue.withLock { queue in
                        queue.failed(now: engine.currentTime(), error: error.message, retryable: error.retryable)
                        publish(queue)
                        return queue.stats.consecutiveFailures
                    }
                    if failures >= settings.failureAlertAfter {
                        alerted = true
                        engine.recordNotificationFailure(sink: settings.name, target: settings.target.shown, failures: failures,
                                                         error: error.message)
                    }
                }
            }
        }
        finished.signal()
    }
}

extension NotificationSinkSettings.Target {
    var isSlack: Bool {
        if case .slack = self { return true }
        return false
    }
}
