import Foundation
import GovTopCore
import Testing

/// `GET /api/v1/notifications` over a real server: each sink's delivery state, secrets masked.
@Suite struct APINotificationsTests {
    @Test func withoutSinksTheListIsEmpty() async throws {
        try await withServer { port, _ in
            let response = try await APIClient(port: port).get("/api/v1/notifications")
            #expect(response.status == 200)
            #expect(response.text == #"{"outbox_dropped":0,"sinks":[]}"#)
        }
    }

    @Test func showsEachSinksStateWithSlackSecretsMasked() async throws {
        let engine = Engine()
        let slack = try NotificationURL(parsing: "https://hooks.slack.com/services/T000/B000/SECRETPART")
        engine.enableNotifications([
            SinkStatus(name: "slack-1", kind: "slack", target: NotificationSinkSettings.Target.slack(slack).shown),
            SinkStatus(name: "page", kind: "command", target: "/usr/local/bin/page-oncall --team ml"),
        ])
        var stats = DeliveryStats()
        stats.sent = 3
        stats.failed = 1
        stats.dropped = 2
        stats.attemptsFailed = 4
        stats.consecutiveFailures = 2
        stats.lastError = "HTTP 500: no"
        stats.lastErrorAt = 1_700_000_000_000_000_000
        stats.lastSuccessAt = 1_700_000_001_000_000_000
        engine.publishNotificationStatus(SinkStatus(name: "slack-1", kind: "slack", target: NotificationSinkSettings.Target.slack(slack).shown,
                                                    stats: stats, pending: 5, suppressed: 1), outboxDropped: 7)
        try await withServer(engine: engine) { port, _ in
            let response = try await APIClient(port: port).get("/api/v1/notifications")
            #expect(response.status == 200)
            #expect(!response.text.contains("SECRETPART"))
            let json = response.json
            #expect(json["outbox_dropped"] as? Int == 7)
            let sinks = try #require(json["sinks"] as? [[String: Any]])
            #expect(sinks.count == 2)
            let first = sinks[0]
            #expect(first["name"] as? String == "slack-1")
            #expect(first["kind"] as? String == "slack")
            #expect(first["target"] as? String == "https://hooks.slack.com/services/T000/B000/****")
            #expect(first["sent"] as? Int == 3)
            #expect(first["failed"] as? Int == 1)
            #expect(first["pending"] as? Int == 5)
            #expect(first["dropped"] as? Int == 2)
            #expect(first["suppressed"] as? Int == 1)
            #expect(first["failed_attempts"] as? Int == 4)
            #expect(first["consecutive_failures"] as? Int == 2)
            #expect(first["last_error"] as? String == "HTTP 500: no")
            #expect(first["last_error_at"] as? String == "2023-11-14T22:13:20.000000000Z")
            #expect(first["last_success_at"] as? String == "2023-11-14T22:13:21.000000000Z")
            #expect(sinks[1]["last_error"] is NSNull)
            #expect(sinks[1]["last_success_at"] is NSNull)
        }
    }
}
