import GovTopTestSupport
import Foundation
import GovTopCore
import GovTopNotify
import Synchronization
import Testing

/// fleet (issue 16): with a claim store, alerts about calendar budgets reach a sink only when this
/// instance wins their claim; lost ones are counted as notified elsewhere; without an answer they go
/// out after the bounded wait; every other alert (rolling budgets, this instance's failures) goes
/// out as before, without a claim. The store here answers from a script; the PostgreSQL store's own
/// rules are tested against a real server (GovTopLedgerPostgresTests).
@Suite struct FleetClaimTests {
    final class ScriptedClaims: NotificationClaimStore {
        let instance = "a"
        let answer: @Sendable () throws(LedgerStoreError) -> NotificationClaimOutcome
        let claims = Mutex<[NotificationClaim]>([])

        init(_ answer: @escaping @Sendable () throws(LedgerStoreError) -> NotificationClaimOutcome) {
            self.answer = answer
        }

        func claim(_ claim: NotificationClaim) throws(LedgerStoreError) -> NotificationClaimOutcome {
            claims.withLock { $0.append(claim) }
            return try answer()
        }
    }

    /// An engine whose calendar budget `cap` and rolling budget `roll` are both over their limit
    /// after `tick()`: each raises a threshold and an exceeded alert.
    static func engine() -> Engine {
        let engine = Engine(configuration: EngineConfiguration(budgets: [
            BudgetDefinition(name: "cap", limitUSD: 1, period: .daily, thresholds: [0.5]),
            BudgetDefinition(name: "roll", limitUSD: 1, period: .rolling(seconds: 3600), thresholds: [0.5]),
        ]))
        let span = SpanRecord(traceID: TraceID(high: 1, low: 1), spanID: SpanID(1), parentSpanID: SpanID(0), name: "chat", kind: .client,
                              startTimeUnixNano: 1, endTimeUnixNano: 2,
                              attributes: [Attribute("gen_ai.request.model", .string("gpt-4o")), Attribute("genops.cost.total", .double(2))])
        engine.ingest(TraceBatch(resourceSpans: [ResourceSpans(resource: Resource(attributes: []), scopeSpans: [
            ScopeSpans(scope: InstrumentationScope(name: "t", version: "1"), spans: [span]),
        ])]))
        return engine
    }

    static func sent(_ requests: [TestHTTPServer.Request]) -> [String] {
        requests.map { request in
            let alert = request.json["alert"] as? [String: Any] ?? [:]
            return "\(alert["kind"] as? String ?? "?") \(alert["subject"] as? String ?? "?")"
        }.sorted()
    }

    static func fleet(_ engine: Engine, until condition: (FleetClaimStatus) -> Bool) async throws -> FleetClaimStatus? {
        let limit = ContinuousClock.now + .seconds(60) // a hang limit, not a timing assertion
        while ContinuousClock.now < limit {
            if let fleet = engine.notificationsSnapshot().fleet, condition(fleet) { return fleet }
            try await Task.sleep(for: .milliseconds(10))
        }
        return engine.notificationsSnapshot().fleet
    }

    @Test func aLostClaimIsNotSentAndOtherAlertsGoOutWithoutOne() async throws {
        let receiver = try await TestHTTPServer()
        let engine = Self.engine()
        let store = ScriptedClaims { .lost(by: "b") }
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(receiver.url)], interval: .milliseconds(5), claims: store)
        notifier.start()
        engine.tick()
        NotifyFixtures.raise(engine, 1)
        _ = try await receiver.wait { $0.count >= 3 }
        let fleet = try await Self.fleet(engine) { $0.notifiedElsewhere == 2 }
        await BlockingWork.run(notifier.stop)
        let requests = receiver.requests
        await receiver.stop()

        #expect(Self.sent(requests) == ["budget_exceeded budget roll", "budget_threshold budget roll",
                                        "notification_failure notifications probe-1"])
        #expect(store.claims.withLock { $0 }.map { "\($0.kind.rawValue) \($0.subject) \($0.sink)" }.sorted()
                    == ["budget_exceeded budget cap hook", "budget_threshold budget cap hook"])
        #expect(fleet?.won == 0)
        #expect(fleet?.instance == "a")
        #expect(fleet?.recentElsewhere.map(\.by) == ["b", "b"])
        #expect(fleet?.pending == 0)
    }

    @Test func aWonClaimIsSentOnce() async throws {
        let receiver = try await TestHTTPServer()
        let engine = Self.engine()
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(receiver.url, kinds: [.budgetExceeded])],
                                    interval: .milliseconds(5), claims: ScriptedClaims { .won })
        notifier.start()
        engine.tick()
        _ = try await receiver.wait { $0.count >= 2 }
        let fleet = try await Self.fleet(engine) { $0.won == 1 }
        await BlockingWork.run(notifier.stop)
        let requests = receiver.requests
        await receiver.stop()

        #expect(Self.sent(requests) == ["budget_exceeded budget cap", "budget_exceeded budget roll"])
        #expect(fleet?.won == 1)
        #expect(fleet?.notifiedElsewhere == 0)
    }

    @Test func withoutAnAnswerTheNotificationGoesOutAfterTheWait() async throws {
        let receiver = try await TestHTTPServer()
        let engine = Self.engine()
        let store = ScriptedClaims { () throws(LedgerStoreError) in throw LedgerStoreError(.write, "the shared ledger is away (test)") }
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(receiver.url, kinds: [.budgetExceeded])],
                                    interval: .milliseconds(5), claims: store, claimWaitSeconds: 0.2)
        notifier.start()
        engine.tick()
        // Delivered by the claimer once the wait is over, before any stop.
        _ = try await receiver.wait { $0.count >= 2 }
        let fleet = try await Self.fleet(engine) { $0.deliveredUnclaimed == 1 }
        await BlockingWork.run(notifier.stop)
        let requests = receiver.requests
        await receiver.stop()

        #expect(Self.sent(requests) == ["budget_exceeded budget cap", "budget_exceeded budget roll"])
        #expect(fleet?.deliveredUnclaimed == 1)
        #expect(fleet?.won == 0)
        #expect((fleet?.failedAttempts ?? 0) >= 1)
        #expect(fleet?.lastError == "the shared ledger is away (test)")
    }
}
