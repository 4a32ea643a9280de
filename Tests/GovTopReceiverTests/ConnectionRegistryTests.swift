import NIOCore
import Synchronization
import Testing
@testable import GovTopReceiver

@Suite struct ConnectionRegistryTests {
    private func at(_ seconds: Int64) -> NIODeadline { .uptimeNanoseconds(UInt64(1_000 + seconds) * 1_000_000_000) }

    @Test func victimIsLingeringThenLongestIdleThenOldestAwaitingHeadThenOldestBodyNeverProcessing() {
        let connections: [(Int, ConnectionActivity)] = [
            (1, .processing), (2, .receivingBody(since: at(1))), (3, .awaitingHead(since: at(5))), (4, .awaitingHead(since: at(2))),
            (5, .idle(since: at(9))), (6, .idle(since: at(7))), (7, .lingering(since: at(8))),
        ]
        var remaining = connections
        var order: [Int] = []
        while let victim = ConnectionRegistry.victim(among: remaining) {
            order.append(victim)
            remaining.removeAll { $0.0 == victim }
        }
        #expect(order == [7, 6, 5, 4, 3, 2])
        #expect(remaining.map(\.0) == [1])
    }

    @Test func atTheLimitANewcomerEvictsAndWhenAllAreBusyItIsRefused() {
        let registry = ConnectionRegistry(limit: 2)
        let evicted = Mutex<[String]>([])
        func admit(_ name: String, at time: Int64) -> ConnectionRegistry.Admission {
            registry.admit(now: at(time)) { evicted.withLock { $0.append(name) } }
        }
        guard case .admitted(let first, nil) = admit("first", at: 0), case .admitted(let second, nil) = admit("second", at: 1) else {
            Issue.record("the first two connections must be admitted without eviction")
            return
        }
        registry.update(first, activity: .idle(since: at(3)))
        registry.update(second, activity: .idle(since: at(2)))
        guard case .admitted(let third, let victim?) = admit("third", at: 4) else {
            Issue.record("the third connection must make room")
            return
        }
        victim()
        #expect(evicted.withLock { $0 } == ["second"])
        #expect(registry.count == 2)
        // The evicted connection's later reports are ignored: it no longer holds a slot.
        registry.update(second, activity: .idle(since: at(5)))
        #expect(registry.count == 2)
        registry.update(first, activity: .processing)
        registry.update(third, activity: .processing)
        guard case .refused = admit("fourth", at: 6) else {
            Issue.record("a newcomer must be refused when every connection is processing")
            return
        }
        registry.remove(first)
        guard case .admitted(_, nil) = admit("fifth", at: 7) else {
            Issue.record("a freed slot must be reused")
            return
        }
    }
}
