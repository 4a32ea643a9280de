import GovTopTestSupport
import Foundation
import GovTopCore
import GovTopNotify
import Testing

/// Webhook sinks against real receivers on loopback that succeed, fail and recover.
@Suite struct WebhookDeliveryTests {
    @Test func deliversAnAlertAsJSONWithItsResolution() async throws {
        let receiver = try await TestHTTPServer()
        let url = receiver.url
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(url)], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        _ = try await receiver.wait { $0.count >= 1 }
        engine.recordNotificationRecovery(sink: "probe-1")
        let requests = try await receiver.wait { $0.count >= 2 }
        // The receiver records a request before it answers; the sink counts it sent once the answer is in.
        _ = try await NotifyFixtures.status(engine, "hook") { $0.stats.sent == 2 }
        await BlockingWork.run(notifier.stop)
        await receiver.stop()

        #expect(requests.count == 2)
        #expect(requests.map(\.path) == ["/hook", "/hook"])
        let firing = requests[0].json, resolved = requests[1].json
        #expect(firing["source"] as? String == "govtop")
        #expect(firing["event"] as? String == "firing")
        #expect(firing["sink"] as? String == "hook")
        let alert = try #require(firing["alert"] as? [String: Any])
        #expect(alert["kind"] as? String == "notification_failure")
        #expect(alert["subject"] as? String == "notifications probe-1")
        #expect(alert["severity"] as? String == "critical")
        #expect((firing["text"] as? String)?.hasPrefix("[CRITICAL] notification failure: ") == true)
        #expect(firing["budget"] == nil)
        #expect(resolved["event"] as? String == "resolved")
        #expect((resolved["alert"] as? [String: Any])?["state"] as? String == "resolved")
        #expect((resolved["text"] as? String)?.hasPrefix("[RESOLVED] ") == true)
        let status = try #require(engine.notificationsSnapshot().sinks.first)
        #expect(status.stats.sent == 2)
        #expect(status.stats.failed == 0)
        #expect(status.pending == 0)
        #expect(status.stats.lastSuccessAt != nil)
        #expect(status.target == url)
    }

    @Test func retriesAFailingReceiverUntilItAnswers() async throws {
        let receiver = try await TestHTTPServer([.status(500), .status(503)])
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(receiver.url, retries: 4)], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        let status = try await NotifyFixtures.status(engine, "hook") { $0.stats.sent == 1 }
        await BlockingWork.run(notifier.stop)
        await receiver.stop()

        let requests = receiver.requests
        #expect(requests.count == 3)
        #expect(Set(requests.map(\.text)).count == 1) // the same notification, three times
        #expect(status?.stats.sent == 1)
        #expect(status?.stats.failed == 0)
        #expect(status?.stats.attemptsFailed == 2)
        #expect(status?.stats.consecutiveFailures == 0)
        #expect(status?.stats.lastError == "HTTP 503: no")
    }

    /// Two notifications fail all their attempts; the third failure in a row raises the sink's
    /// failure alert, which is queued behind them, is the first delivery that works, and so resolves itself.
    @Test func givesUpAfterItsRetriesRaisesAFailureAlertAndResolvesItOnRecovery() async throws {
        let receiver = try await TestHTTPServer([.status(500), .status(500), .status(500), .status(500)])
        let engine = Engine()
        let sink = try NotifyFixtures.sink(receiver.url, retries: 1, failureAlertAfter: 3)
        let notifier = try Notifier(engine: engine, sinks: [sink], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        NotifyFixtures.raise(engine, 2)
        let status = try await NotifyFixtures.status(engine, "hook") { $0.stats.sent == 2 }
        await BlockingWork.run(notifier.stop)
        await receiver.stop()

        #expect(status?.stats.failed == 2)
        #expect(status?.stats.attemptsFailed == 4)
        #expect(status?.stats.consecutiveFailures == 0)
        let requests = receiver.requests
        #expect(NotifyFixtures.subjects(requests) == ["notifications probe-1", "notifications probe-1", "notifications probe-2",
                                                      "notifications probe-2", "notifications hook", "notifications hook"])
        #expect(requests.suffix(2).map { $0.json["event"] as? String } == ["firing", "resolved"])
        let raised = try #require(requests[4].json["alert"] as? [String: Any])
        #expect(raised["kind"] as? String == "notification_failure")
        #expect((raised["message"] as? String)?.contains("failed 3 times in a row: HTTP 500: no") == true)
        let alert = engine.alerts().first { $0.subject == "notifications hook" }
        #expect(alert?.state == .resolved)
    }

    @Test func aClientErrorIsNotRetried() async throws {
        let receiver = try await TestHTTPServer([.status(404)])
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(receiver.url, retries: 4)], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        let status = try await NotifyFixtures.status(engine, "hook") { $0.stats.failed == 1 }
        await BlockingWork.run(notifier.stop)
        await receiver.stop()
        #expect(receiver.requests.count == 1)
        #expect(status?.stats.lastError == "HTTP 404: no")
    }

    @Test func keepsTheOrderOfAlertsAcrossRetries() async throws {
        let receiver = try await TestHTTPServer([.status(500), .status(200), .status(502), .status(500)])
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(receiver.url, retries: 5)], interval: .milliseconds(5))
        notifier.start()
        for number in 1...6 { NotifyFixtures.raise(engine, number) }
        _ = try await NotifyFixtures.status(engine, "hook") { $0.stats.sent == 6 }
        await BlockingWork.run(notifier.stop)
        await receiver.stop()

        var delivered: [String] = []
        for subject in NotifyFixtures.subjects(receiver.requests) where delivered.last != subject { delivered.append(subject) }
        #expect(delivered == (1...6).map { "notifications probe-\($0)" })
    }

    @Test func repeatAfterQuietsAnAlertThatComesBack() async throws {
        let receiver = try await TestHTTPServer()
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(receiver.url, repeatAfter: 3600)], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        _ = try await receiver.wait { $0.count >= 1 }
        engine.recordNotificationRecovery(sink: "probe-1")
        _ = try await receiver.wait { $0.count >= 2 }
        NotifyFixtures.raise(engine, 1) // re-activates the same alert within the hour
        NotifyFixtures.raise(engine, 2) // another alert is not held back
        let status = try await NotifyFixtures.status(engine, "hook") { $0.suppressed == 1 && $0.stats.sent == 3 }
        await BlockingWork.run(notifier.stop)
        await receiver.stop()

        #expect(status?.suppressed == 1)
        #expect(receiver.requests.map { $0.json["event"] as? String } == ["firing", "resolved", "firing"])
        #expect(NotifyFixtures.subjects(receiver.requests).last == "notifications probe-2")
    }

    @Test func filtersBySeverityAndKind() async throws {
        let wanted = try await TestHTTPServer()
        let unwanted = try await TestHTTPServer()
        let engine = Engine()
        let sinks = [
            try NotifyFixtures.sink(wanted.url, name: "failures", kinds: [.notificationFailure]),
            try NotifyFixtures.sink(unwanted.url, name: "budgets", kinds: [.budgetExceeded, .budgetThreshold]),
        ]
        let notifier = try Notifier(engine: engine, sinks: sinks, interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        _ = try await wanted.wait { $0.count >= 1 }
        // Both sinks get their share of a drain together: had "budgets" admitted it, it would be queued by now.
        let budgets = engine.notificationsSnapshot().sinks.first { $0.name == "budgets" }
        await BlockingWork.run(notifier.stop)
        await wanted.stop()
        await unwanted.stop()
        #expect(wanted.requests.count == 1)
        #expect(unwanted.requests.isEmpty)
        #expect(budgets.map { $0.pending + $0.stats.sent + $0.stats.failed } == 0)
    }
}
