import GovTopCore
import Testing

@Suite struct DeliveryQueueTests {
    static func queue(capacity: Int = 8, attempts: Int = 4) -> DeliveryQueue<Int> {
        DeliveryQueue(capacity: capacity, maxAttempts: attempts, backoffSeconds: 1, maxBackoffSeconds: 5)
    }

    static func sent(_ action: DeliveryQueue<Int>.Action) -> (Int, Int)? {
        if case .send(let item, let attempt) = action { return (item, attempt) }
        return nil
    }

    @Test func deliversInOrderAndRetriesTheHeadWithDoublingBackoff() {
        var queue = Self.queue()
        queue.enqueue(1)
        queue.enqueue(2)
        #expect(Self.sent(queue.next(now: 0))! == (1, 1))
        if case .busy = queue.next(now: 0) {} else { Issue.record("an attempt is under way") }
        #expect(queue.failed(now: 10, error: "HTTP 500", retryable: true) == false)
        if case .wait(let until) = queue.next(now: 10) { #expect(until == 10 + 1_000_000_000) } else { Issue.record("expected a wait") }
        #expect(Self.sent(queue.next(now: 10 + 1_000_000_000))! == (1, 2))
        queue.failed(now: 20, error: "HTTP 500", retryable: true)
        if case .wait(let until) = queue.next(now: 20) { #expect(until == 20 + 2_000_000_000) } else { Issue.record("expected a wait") }
        #expect(Self.sent(queue.next(now: 30_000_000_000))! == (1, 3))
        queue.succeeded(now: 31)
        #expect(Self.sent(queue.next(now: 31))! == (2, 1))
        queue.succeeded(now: 32)
        if case .idle = queue.next(now: 33) {} else { Issue.record("expected idle") }
        #expect(queue.stats.sent == 2)
        #expect(queue.stats.attemptsFailed == 2)
        #expect(queue.stats.consecutiveFailures == 0)
        #expect(queue.stats.lastSuccessAt == 32)
    }

    @Test(arguments: [(1, UInt64(1)), (2, 2), (3, 4), (4, 5), (60, 5), (1000, 5)])
    func backoffDoublesUpToItsMaximum(attempt: Int, seconds: UInt64) {
        #expect(Self.queue().delay(afterAttempt: attempt) == seconds * 1_000_000_000)
    }

    @Test func givesUpAfterMaxAttemptsAndAtOnceOnPermanentFailures() {
        var queue = Self.queue(attempts: 2)
        queue.enqueue(1)
        queue.enqueue(2)
        _ = queue.next(now: 0)
        #expect(queue.failed(now: 0, error: "e", retryable: true) == false)
        _ = queue.next(now: 10_000_000_000)
        #expect(queue.failed(now: 10_000_000_000, error: "e", retryable: true) == true)
        #expect(Self.sent(queue.next(now: 10_000_000_000))! == (2, 1))
        #expect(queue.failed(now: 10_000_000_000, error: "HTTP 404", retryable: false) == true)
        #expect(queue.stats.failed == 2)
        #expect(queue.stats.consecutiveFailures == 3)
        #expect(queue.stats.lastError == "HTTP 404")
        #expect(queue.pending == 0)
    }

    @Test func aFullQueueDropsTheOldestWaitingItemNeverTheOneInFlight() {
        var queue = Self.queue(capacity: 3)
        for item in 1...3 { queue.enqueue(item) }
        _ = queue.next(now: 0) // 1 in flight
        #expect(queue.enqueue(4) == true) // drops 2
        #expect(queue.enqueue(5) == true) // drops 3
        #expect(queue.pending == 3)
        #expect(queue.stats.dropped == 2)
        queue.succeeded(now: 1)
        var order: [Int] = []
        while let (item, _) = Self.sent(queue.next(now: 2)) {
            order.append(item)
            queue.succeeded(now: 2)
        }
        #expect(order == [4, 5])
    }

    @Test func aHeadWaitingForItsBackoffIsTheOldestAndCanBeDropped() {
        var queue = Self.queue(capacity: 1)
        queue.enqueue(1)
        _ = queue.next(now: 0)
        queue.failed(now: 0, error: "e", retryable: true)
        #expect(queue.enqueue(2) == true)
        #expect(Self.sent(queue.next(now: 0))! == (2, 1))
        #expect(queue.enqueue(3) == true) // only the in-flight item is left: the newcomer goes
        #expect(queue.pending == 1)
        #expect(queue.stats.dropped == 2)
    }

    @Test func errorsAreCleanedAndCut() {
        var queue = Self.queue()
        queue.enqueue(1)
        _ = queue.next(now: 0)
        queue.failed(now: 0, error: "bad\u{1B}[31m" + String(repeating: "x", count: 1000), retryable: false)
        let error = queue.stats.lastError ?? ""
        #expect(error.count == 300)
        #expect(!error.unicodeScalars.contains(where: ControlCharacters.isControl))
    }
}
