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

    /// fleet (issue 16): the `fleet` object's strings come from the shared ledger (instance names,
    /// alert ids another instance wrote) and from a driver's error text; none reaches a client with
    /// a control character in it, not even one the JSON escapes.
    @Test func fleetClaimsCarryNoControlCharacters() async throws {
        let engine = Engine()
        var status = FleetClaimStatus(instance: "eu\u{1B}]0;pwned\u{07}")
        status.failedAttempts = 1
        status.lastError = "connection reset\r\n\u{1B}[2J\u{9B}31m"
        status.lastErrorAt = 1_700_000_000_000_000_000
        var entry = NotifiedElsewhere(sink: "slack\u{7F}", alertID: "a1\u{0}", kind: .budgetExceeded, subject: "budget\u{1B}[1m",
                                      event: .firing, by: "us", at: 1_700_000_001_000_000_000)
        entry.by = "us\u{1B}]52;c;ZWNobyBoaQ==\u{07}" // as written by the ledger's reader, not cleaned on the way
        status.recordElsewhere(entry)
        engine.publishFleetClaimStatus(status)
        try await withServer(engine: engine) { port, _ in
            let response = try await APIClient(port: port).get("/api/v1/notifications")
            #expect(response.status == 200)
            let fleet = try #require(response.json["fleet"] as? [String: Any])
            let recent = try #require((fleet["recent_by_other_instances"] as? [[String: Any]])?.first)
            var strings = [fleet["instance"], fleet["last_error"]].compactMap { $0 as? String }
            strings += ["sink", "alert_id", "subject", "notified_by"].compactMap { recent[$0] as? String }
            #expect(strings.count == 6)
            for text in strings {
                #expect(!text.unicodeScalars.contains(where: ControlCharacters.isControl), "\(text.debugDescription)")
            }
            #expect(fleet["last_error"] as? String == "connection reset\u{FFFD}\u{FFFD}\u{FFFD}[2J\u{FFFD}31m")
            #expect(recent["notified_by"] as? String == "us\u{FFFD}]52;c;ZWNobyBoaQ==\u{FFFD}")
        }
    }

    /// The renderer of the `fleet` object no longer cleans its strings one field at a time: the JSON
    /// writer does, for every string. The response's bytes hold no control character of any kind (C0,
    /// DEL, C1), and not its JSON escape either (`\u001b`, `\n`, …), in any of those fields.
    @Test func fleetClaimsResponseBytesHoldNoControlCharacterNorItsEscape() async throws {
        let engine = Engine()
        let controls = String(String.UnicodeScalarView((0..<0xA0).compactMap(Unicode.Scalar.init).filter(ControlCharacters.isControl)))
        var status = FleetClaimStatus(instance: "eu" + controls)
        status.failedAttempts = 1
        status.lastError = "reset" + controls
        status.lastErrorAt = 1_700_000_000_000_000_000
        var entry = NotifiedElsewhere(sink: "slack" + controls, alertID: "a1" + controls, kind: .budgetExceeded,
                                      subject: "budget" + controls, event: .firing, by: "us", at: 1_700_000_001_000_000_000)
        entry.by = "us" + controls
        status.recordElsewhere(entry)
        engine.publishFleetClaimStatus(status)
        try await withServer(engine: engine) { port, _ in
            let response = try await APIClient(port: port).get("/api/v1/notifications")
            #expect(response.status == 200)
            let bytes = response.body
            #expect(!bytes.contains { $0 < 0x20 || $0 == 0x7F })
            #expect(!zip(bytes, bytes.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) })
            #expect(!bytes.contains(UInt8(ascii: "\\")), "\(response.text)")
            let replaced = String(repeating: "\u{FFFD}", count: controls.unicodeScalars.count)
            let fleet = try #require(response.json["fleet"] as? [String: Any])
            let recent = try #require((fleet["recent_by_other_instances"] as? [[String: Any]])?.first)
            #expect(fleet["instance"] as? String == "eu" + replaced)
            #expect(fleet["last_error"] as? String == "reset" + replaced)
            #expect(recent["sink"] as? String == "slack" + replaced)
            #expect(recent["alert_id"] as? String == "a1" + replaced)
            #expect(recent["subject"] as? String == "budget" + replaced)
            #expect(recent["notified_by"] as? String == "us" + replaced)
        }
    }
}
