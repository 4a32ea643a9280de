import GovTopCore
import Testing

/// fleet (issue 16): fleet-wide notifications wait for their claim in order, retry with a doubling
/// backoff while the shared ledger does not answer, and go out unclaimed once they waited `maxWait`.
@Suite struct ClaimQueueTests {
    static let second: UInt64 = 1_000_000_000

    static func queue(capacity: Int = 8) -> ClaimQueue<Int> {
        ClaimQueue(capacity: capacity, maxWaitSeconds: 10, backoffSeconds: 1, maxBackoffSeconds: 4)
    }

    enum Step: Equatable {
        case claim(Int), unclaimed(Int), wait(UInt64), idle, busy
    }

    static func step(_ queue: inout ClaimQueue<Int>, at now: UInt64) -> Step {
        switch queue.next(now: now) {
        case .claim(let item): .claim(item)
        case .deliverUnclaimed(let item): .unclaimed(item)
        case .wait(let until): .wait(until)
        case .idle: .idle
        case .busy: .busy
        }
    }

    @Test func claimsInOrderOneAtATime() {
        var queue = Self.queue()
        let added = [queue.enqueue(1, now: 0), queue.enqueue(2, now: 0)]
        #expect(added == [true, true])
        #expect(Self.step(&queue, at: 0) == .claim(1))
        #expect(Self.step(&queue, at: 0) == .busy)
        queue.settled()
        #expect(Self.step(&queue, at: 1) == .claim(2))
        queue.settled()
        #expect(Self.step(&queue, at: 2) == .idle)
        #expect(queue.pending == 0)
    }

    @Test func failedClaimsBackOffDoublingUpToTheMaximumAndASuccessEndsIt() {
        var queue = Self.queue()
        _ = queue.enqueue(1, now: 0)
        _ = queue.enqueue(2, now: 0)
        #expect(Self.step(&queue, at: 0) == .claim(1))
        queue.failed(now: 0)
        #expect(Self.step(&queue, at: 0) == .wait(1 * Self.second))
        #expect(Self.step(&queue, at: 1 * Self.second) == .claim(1))
        queue.failed(now: 1 * Self.second)
        #expect(Self.step(&queue, at: 1 * Self.second) == .wait(3 * Self.second))
        #expect(Self.step(&queue, at: 3 * Self.second) == .claim(1))
        queue.failed(now: 3 * Self.second)
        #expect(Self.step(&queue, at: 3 * Self.second) == .wait(7 * Self.second))
        #expect(Self.step(&queue, at: 7 * Self.second) == .claim(1))
        queue.failed(now: 7 * Self.second)
        // 4 s at most, and never past the head's deadline (10 s after it was queued).
        #expect(Self.step(&queue, at: 7 * Self.second) == .wait(10 * Self.second))
        #expect(Self.step(&queue, at: 8 * Self.second) == .wait(10 * Self.second))
        #expect(Self.step(&queue, at: 9 * Self.second) == .wait(10 * Self.second))
        #expect(Self.step(&queue, at: 10 * Self.second) == .unclaimed(1))
        #expect(Self.step(&queue, at: 10 * Self.second) == .unclaimed(2))
    }

    @Test func itemsThatWaitedTheirMaximumGoOutUnclaimedInOrder() {
        var queue = Self.queue()
        _ = queue.enqueue(1, now: 0)
        _ = queue.enqueue(2, now: 1 * Self.second)
        _ = queue.enqueue(3, now: 20 * Self.second)
        #expect(Self.step(&queue, at: 0) == .claim(1))
        queue.failed(now: 0)
        #expect(Self.step(&queue, at: 10 * Self.second) == .unclaimed(1))
        #expect(Self.step(&queue, at: 11 * Self.second) == .unclaimed(2))
        // The third waited 1 s of its 10: it is claimed (the backoff of the last failure is over).
        #expect(Self.step(&queue, at: 21 * Self.second) == .claim(3))
        queue.settled()
        #expect(Self.step(&queue, at: 21 * Self.second) == .idle)
    }

    @Test func anAnswerEndsTheBackoff() {
        var queue = Self.queue()
        _ = queue.enqueue(1, now: 0)
        _ = queue.enqueue(2, now: 0)
        #expect(Self.step(&queue, at: 0) == .claim(1))
        queue.failed(now: 0)
        #expect(Self.step(&queue, at: 1 * Self.second) == .claim(1))
        queue.settled()
        #expect(Self.step(&queue, at: 1 * Self.second) == .claim(2))
        queue.failed(now: 1 * Self.second)
        // The first failure after an answer waits the initial backoff again.
        #expect(Self.step(&queue, at: 1 * Self.second) == .wait(2 * Self.second))
    }

    @Test func aFullQueueTakesNoMoreItems() {
        var queue = Self.queue(capacity: 2)
        let added = [queue.enqueue(1, now: 0), queue.enqueue(2, now: 0), queue.enqueue(3, now: 0)]
        #expect(added == [true, true, false])
        #expect(queue.pending == 2)
    }
}

/// Which notifications a fleet sends once: alerts about calendar-period budgets only.
@Suite struct FleetWideNotificationTests {
    static func event(_ kind: AlertKind, period: String?) -> NotificationEvent {
        let alert = Alert(id: "a1", kind: kind, severity: .warning, subject: "budget cap", message: "m", firstSeen: 0, lastSeen: 0,
                          count: 1, state: .active, resolvedAt: nil, acknowledged: false)
        let budget = period.map { BudgetStatus(name: "cap", source: .config, scope: [:], period: $0) }
        return NotificationEvent(reason: .firing, alert: alert, budget: budget)
    }

    @Test(arguments: [
        (AlertKind.budgetThreshold, "daily", true), (.budgetExceeded, "monthly", true), (.budgetProjectedExhaustion, "hourly", true),
        (.budgetExceeded, "24h", false), (.budgetThreshold, nil, false), (.ledgerWriteFailure, "daily", false),
        (.costSpike, nil, false),
    ] as [(AlertKind, String?, Bool)])
    func onlyCalendarBudgetAlertsAreFleetWide(kind: AlertKind, period: String?, expected: Bool) {
        #expect(Self.event(kind, period: period).isFleetWide == expected)
    }

    @Test func aClaimNamesTheTransitionOfItsEvent() {
        var event = Self.event(.budgetThreshold, period: "daily")
        #expect(NotificationClaim(sink: "s", event: event, repeatAfterSeconds: 0).request == .fire(.warning))
        event.reason = .escalated
        #expect(NotificationClaim(sink: "s", event: event, repeatAfterSeconds: 0).request == .fire(.warning))
        event.reason = .resolved
        #expect(NotificationClaim(sink: "s", event: event, repeatAfterSeconds: 0).request == .resolve)
        event.reason = .repeated
        #expect(NotificationClaim(sink: "s", event: event, repeatAfterSeconds: 600).request == .remind(.warning, leaseSeconds: 300))
    }
}
