/// One sink's outgoing notifications: a bounded FIFO whose head is delivered, retried with
/// exponential backoff, and only then followed by the next, so a sink receives its notifications in
/// order. Pure: the caller performs the attempts and reports back; times are nanoseconds.
///
/// A full queue drops its oldest waiting item (never the one being attempted) to admit a new one;
/// drops are counted. An item that failed `maxAttempts` times is given up and counted as failed.
public struct DeliveryQueue<Item: Sendable>: Sendable {
    /// What the caller should do next.
    public enum Action: Sendable {
        /// Attempt to deliver `item`; `attempt` counts from 1.
        case send(Item, attempt: Int)
        /// The head waits for its backoff until this time.
        case wait(until: UInt64)
        /// Nothing to deliver.
        case idle
        /// An attempt is under way; report its outcome first.
        case busy
    }

    public let capacity: Int
    public let maxAttempts: Int
    let backoff: UInt64
    let maxBackoff: UInt64
    private var items: [Item] = []
    private var attempts = 0
    private var retryAt: UInt64?
    private var inFlight = false
    public private(set) var stats = DeliveryStats()

    public init(capacity: Int, maxAttempts: Int, backoffSeconds: Double, maxBackoffSeconds: Double) {
        self.capacity = max(1, capacity)
        self.maxAttempts = max(1, maxAttempts)
        backoff = AlertBook.nanoseconds(backoffSeconds)
        maxBackoff = max(AlertBook.nanoseconds(maxBackoffSeconds), backoff)
    }

    /// Items waiting, the one being attempted included.
    public var pending: Int { items.count }

    /// Adds `item` at the end; when full, the oldest waiting item goes (or, when the only one is being
    /// attempted, `item` itself). Returns whether something was dropped.
    @discardableResult
    public mutating func enqueue(_ item: Item) -> Bool {
        guard items.count >= capacity else {
            items.append(item)
            return false
        }
        stats.dropped += 1
        let oldestWaiting = inFlight ? 1 : 0
        guard oldestWaiting < items.count else { return true }
        items.remove(at: oldestWaiting)
        if oldestWaiting == 0 {
            attempts = 0
            retryAt = nil
        }
        items.append(item)
        return true
    }

    public mutating func next(now: UInt64) -> Action {
        if inFlight { return .busy }
        guard let head = items.first else { return .idle }
        if let retryAt, now < retryAt { return .wait(until: retryAt) }
        inFlight = true
        attempts += 1
        return .send(head, attempt: attempts)
    }

    /// The attempt under way delivered its item.
    public mutating func succeeded(now: UInt64) {
        guard inFlight, !items.isEmpty else { return }
        items.removeFirst()
        inFlight = false
        attempts = 0
        retryAt = nil
        stats.sent += 1
        stats.consecutiveFailures = 0
        stats.lastSuccessAt = now
    }

    /// The attempt under way failed with `error`. A `retryable` failure is tried again after the
    /// backoff until `maxAttempts`; otherwise, or then, the item is given up. Returns whether it was.
    @discardableResult
    public mutating func failed(now: UInt64, error: String, retryable: Bool) -> Bool {
        guard inFlight, !items.isEmpty else { return false }
        inFlight = false
        stats.consecutiveFailures += 1
        stats.attemptsFailed += 1
        stats.lastError = ControlCharacters.replaced(in: String(error.prefix(DeliveryStats.maxErrorLength)))
        stats.lastErrorAt = now
        if retryable, attempts < maxAttempts {
            retryAt = now &+ delay(afterAttempt: attempts)
            return false
        }
        items.removeFirst()
        attempts = 0
        retryAt = nil
        stats.failed += 1
        return true
    }

    /// The wait after failed attempt `attempt` (from 1): `backoff` doubled per attempt, at most `maxBackoff`.
    public func delay(afterAttempt attempt: Int) -> UInt64 {
        let doublings = max(0, min(attempt - 1, 62))
        let (scaled, overflow) = backoff.multipliedReportingOverflow(by: UInt64(1) << UInt64(doublings))
        return overflow ? maxBackoff : min(scaled, maxBackoff)
    }
}

/// What a sink's delivery did so far, for `GET /api/v1/notifications` and the failure alert.
public struct DeliveryStats: Sendable, Hashable {
    static let maxErrorLength = 300

    /// Notifications delivered.
    public var sent = 0
    /// Notifications given up after their last attempt.
    public var failed = 0
    /// Notifications dropped from a full queue.
    public var dropped = 0
    /// Failed attempts, retries included.
    public var attemptsFailed = 0
    /// Failed attempts since the last success.
    public var consecutiveFailures = 0
    public var lastError: String?
    public var lastErrorAt: UInt64?
    public var lastSuccessAt: UInt64?

    public init() {}
}
