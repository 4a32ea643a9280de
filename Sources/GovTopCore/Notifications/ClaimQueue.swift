/// fleet (issue 16): fleet-wide notifications waiting for their claim in the shared ledger
/// (`NotificationClaim`), in order. Pure: the caller performs the claims and reports back; times
/// are nanoseconds.
///
/// The shared ledger may not answer. A lost notification is worse than a duplicate, so no item waits
/// longer than `maxWait` for its claim: past it, it is handed out to be delivered unclaimed (another
/// instance may deliver it too). While claims fail, the next attempt waits a backoff that doubles up
/// to `maxBackoff`; one success ends it. A full queue takes no more items: the caller delivers them
/// unclaimed at once.
public struct ClaimQueue<Item: Sendable>: Sendable {
    /// What the caller should do next.
    public enum Action: Sendable {
        /// Claim `item` in the shared ledger, then report `settled` or `failed`.
        case claim(Item)
        /// The item waited `maxWait`: deliver it without a claim.
        case deliverUnclaimed(Item)
        /// Nothing to do before this time.
        case wait(until: UInt64)
        case idle
        /// A claim is under way; report its outcome first.
        case busy
    }

    private struct Entry: Sendable {
        var item: Item
        var deadline: UInt64
    }

    public let capacity: Int
    let maxWait: UInt64
    let backoff: UInt64
    let maxBackoff: UInt64
    private var items: [Entry] = []
    private var inFlight = false
    private var failures = 0
    private var retryAt: UInt64?

    public init(capacity: Int = 1024, maxWaitSeconds: Double, backoffSeconds: Double = 0.25, maxBackoffSeconds: Double = 2) {
        self.capacity = max(1, capacity)
        maxWait = AlertBook.nanoseconds(maxWaitSeconds)
        backoff = AlertBook.nanoseconds(backoffSeconds)
        maxBackoff = max(backoff, AlertBook.nanoseconds(maxBackoffSeconds))
    }

    /// Items waiting, the one being claimed included.
    public var pending: Int { items.count }

    /// Adds `item`, to be claimed by `now + maxWait`; false when the queue is full (not added).
    public mutating func enqueue(_ item: Item, now: UInt64) -> Bool {
        guard items.count < capacity else { return false }
        items.append(Entry(item: item, deadline: now &+ maxWait))
        return true
    }

    public mutating func next(now: UInt64) -> Action {
        if inFlight { return .busy }
        guard let head = items.first else { return .idle }
        if now >= head.deadline {
            items.removeFirst()
            return .deliverUnclaimed(head.item)
        }
        if let retryAt, now < retryAt { return .wait(until: min(retryAt, head.deadline)) }
        inFlight = true
        return .claim(head.item)
    }

    /// The claim under way was answered (won or lost): the item leaves the queue.
    public mutating func settled() {
        guard inFlight, !items.isEmpty else { return }
        items.removeFirst()
        inFlight = false
        failures = 0
        retryAt = nil
    }

    /// The claim under way got no answer; it is tried again after the backoff (until its deadline).
    public mutating func failed(now: UInt64) {
        guard inFlight else { return }
        inFlight = false
        failures += 1
        let doublings = UInt64(max(0, min(failures - 1, 62)))
        let (scaled, overflow) = backoff.multipliedReportingOverflow(by: UInt64(1) << doublings)
        retryAt = now &+ (overflow ? maxBackoff : min(scaled, maxBackoff))
    }
}
