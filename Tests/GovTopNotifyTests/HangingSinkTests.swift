import GovTopTestSupport
import Foundation
import GovTopClient
import GovTopCore
import GovTopNotify
import Testing

/// A receiver that never answers: its sink times out, its queue stays bounded, and neither the other
/// sinks nor ingest wait for it.
@Suite struct HangingSinkTests {
    @Test func aHangingReceiverTimesOutAndHoldsUpNoOtherSink() async throws {
        let hanging = try await TestHTTPServer(then: .hang)
        let healthy = try await TestHTTPServer()
        let engine = Engine()
        let sinks = [
            try NotifyFixtures.sink(hanging.url, name: "hanging", retries: 0, timeout: 1),
            try NotifyFixtures.sink(healthy.url, name: "healthy"),
        ]
        let notifier = try Notifier(engine: engine, sinks: sinks, interval: .milliseconds(5))
        notifier.start()
        for number in 1...3 { NotifyFixtures.raise(engine, number) }
        _ = try await healthy.wait { $0.count >= 3 }
        let timedOut = try await NotifyFixtures.status(engine, "hanging") { $0.stats.failed >= 1 }
        await BlockingWork.run(notifier.stop)
        await hanging.stop()
        await healthy.stop()

        // (The hanging sink's own failure alert may follow them.)
        #expect(NotifyFixtures.subjects(healthy.requests).prefix(3) == (1...3).map { "notifications probe-\($0)" }[...])
        #expect(timedOut?.stats.lastError?.contains("no response within 1 s") == true)
    }

    @Test func aFullQueueDropsItsOldestWaitingNotification() async throws {
        let hanging = try await TestHTTPServer([.hold], then: .status(200))
        let engine = Engine()
        let sink = try NotifyFixtures.sink(hanging.url, name: "hanging", retries: 0, timeout: 600, queue: 2, failureAlertAfter: 100)
        let notifier = try Notifier(engine: engine, sinks: [sink], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        _ = try await hanging.wait { $0.count >= 1 } // probe-1 is being attempted, and held
        for number in 2...5 { NotifyFixtures.raise(engine, number) }
        let full = try await NotifyFixtures.status(engine, "hanging") { $0.stats.dropped == 3 }
        #expect(full?.pending == 2)
        // probe-1's connection is lost; with no retries it is given up
        #expect(hanging.release() == 1, "the held connection of probe-1 is closed")
        let released = ContinuousClock.now
        let done = try await NotifyFixtures.status(engine, "hanging") { $0.stats.sent == 1 && $0.pending == 0 }
        let waited = ContinuousClock.now - released
        let threads = done?.stats.sent == 1 ? "" : "; threads: " + LoopbackPortReport.nioThreads()
        await BlockingWork.run(notifier.stop)
        await hanging.stop()

        // (Seen in full runs: nothing moved for the 60 s hang limit after the release. Most likely
        // the PostgreSQL test server held a copy of the released connection's socket, so its close
        // never reached the sink, as measured for ConnectionHoardingTests; see
        // PostgresTestServer.run. The message says what the sink was doing.)
        #expect(done?.stats.failed == 1, "after \(waited): pending \(done?.pending ?? -1), last error \(done?.stats.lastError ?? "none")\(threads)")
        #expect(done?.stats.dropped == 3)
        #expect(NotifyFixtures.subjects(hanging.requests) == ["notifications probe-1", "notifications probe-5"])
    }

    @Test func ingestThroughTheServerCompletesWhileASinkHangs() async throws {
        let hanging = try await TestHTTPServer(then: .hang)
        let budget = BudgetDefinition(scope: [.team: "ml"], limitUSD: 1, period: .daily, thresholds: [0.5])
        let engine = Engine(configuration: EngineConfiguration(budgets: [budget]))
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(hanging.url, name: "hanging", retries: 0, timeout: 600)],
                                    interval: .milliseconds(5))
        notifier.start()
        let accepted = try await NotifyFixtures.withServer(engine) { client in
            var accepted = 0
            for trace in 1...40 {
                let body = NotifyFixtures.traceJSON(trace: trace, attributes: [("genops.team", "ml")], costUSD: 0.05)
                let reply = try await client.export(body, path: "/v1/traces", contentType: .json)
                if reply.status == 200 { accepted += 1 }
                engine.tick() // budget alerts are raised on the tick: threshold, then exceeded
            }
            return accepted
        }
        _ = try await hanging.wait { $0.count >= 1 }
        let status = engine.notificationsSnapshot().sinks.first
        await BlockingWork.run(notifier.stop)
        await hanging.stop()

        #expect(accepted == 40)
        #expect(engine.summary().spansReceived == 40)
        #expect(engine.alerts().contains { $0.kind == .budgetExceeded && $0.isActive })
        #expect((status?.pending ?? 0) >= 1) // the sink is still stuck on its first notification
        let first = hanging.requests[0].json
        let kind = try #require((first["alert"] as? [String: Any])?["kind"] as? String)
        #expect(kind.hasPrefix("budget_"))
        let budgetJSON = try #require(first["budget"] as? [String: Any])
        #expect(budgetJSON["name"] as? String == "team:ml")
        #expect(budgetJSON["limit_usd"] as? Double == 1)
        #expect(budgetJSON.keys.contains("projected_exhaustion"))
        #expect(budgetJSON["resets_at"] is String)
    }
}
