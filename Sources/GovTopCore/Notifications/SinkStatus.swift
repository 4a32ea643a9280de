import Synchronization

/// One sink's delivery state as `GET /api/v1/notifications` shows it.
public struct SinkStatus: Sendable, Hashable {
    public var name: String
    /// `webhook`, `slack` or `command`.
    public var kind: String
    /// The URL with secrets masked, or the command line.
    public var target: String
    public var stats: DeliveryStats
    /// Notifications waiting (the one being attempted included).
    public var pending: Int
    /// Firing notifications held back by `repeat_after`.
    public var suppressed: Int

    public init(name: String, kind: String, target: String, stats: DeliveryStats = DeliveryStats(), pending: Int = 0, suppressed: Int = 0) {
        self.name = name
        self.kind = kind
        self.target = target
        self.stats = stats
        self.pending = pending
        self.suppressed = suppressed
    }
}

/// Every sink's state, and the engine outbox's drops.
public struct NotificationsSnapshot: Sendable, Hashable {
    public var sinks: [SinkStatus]
    public var outboxDropped: Int
    /// fleet (issue 16): claims of fleet-wide notifications; nil outside a fleet.
    public var fleet: FleetClaimStatus?

    public init(sinks: [SinkStatus] = [], outboxDropped: Int = 0, fleet: FleetClaimStatus? = nil) {
        self.sinks = sinks
        self.outboxDropped = outboxDropped
        self.fleet = fleet
    }
}

/// Where the notifier publishes delivery state and the API reads it: a small lock of its own, so
/// neither ever takes the engine's for it.
final class NotificationBoard: Sendable {
    private let value = Mutex(NotificationsSnapshot())

    func snapshot() -> NotificationsSnapshot { value.withLock { $0 } }

    func update(_ body: (inout NotificationsSnapshot) -> Void) {
        value.withLock { body(&$0) }
    }
}
