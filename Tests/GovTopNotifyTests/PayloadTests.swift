import Foundation
import GovTopCore
import GovTopNotify
import GovTopTestSupport
import Testing

/// What sinks are sent: Slack's message shape, and nothing that is hostile or was redacted.
@Suite struct PayloadTests {
    @Test func slackGetsOneTextMember() async throws {
        let receiver = try await TestHTTPServer()
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(receiver.url, name: "slack", slack: true)],
                                    interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        let requests = try await receiver.wait { $0.count >= 1 }
        await BlockingWork.run(notifier.stop)
        await receiver.stop()

        let json = requests[0].json
        #expect(Array(json.keys) == ["text"])
        let text = try #require(json["text"] as? String)
        #expect(text.hasPrefix("[CRITICAL] notification failure: notifications to probe-1 (test) failed 1 times in a row"))
        #expect(text.hasSuffix("(notifications probe-1, alert a1)"))
    }

    /// A span whose team and policy reason carry terminal escapes and a secret that a redact rule
    /// masks: the alert reaches the sink without either.
    @Test func notificationsCarryNoControlCharactersAndNoRedactedText() async throws {
        let receiver = try await TestHTTPServer()
        let redact = PolicyRule(name: "keys", check: .pattern("sk-live-[0-9]+", keys: nil), action: .redact)
        let engine = Engine(configuration: EngineConfiguration(policies: [redact]))
        let notifier = try Notifier(engine: engine, sinks: [NotifyFixtures.sink(receiver.url)], interval: .milliseconds(5))
        notifier.start()
        try await NotifyFixtures.withServer(engine) { client in
            let body = NotifyFixtures.traceJSON(trace: 1, attributes: [
                ("genops.team", "ml\u{1B}[2J\u{07}"),
                ("genops.policy.name", "guard\u{1B}]0;owned\u{07}"),
                ("genops.policy.result", "blocked"),
                ("genops.policy.violation_type", "leaked sk-live-4242 \u{9B}31m"),
            ], costUSD: 0.01)
            let reply = try await client.export(body, path: "/v1/traces", contentType: .json)
            #expect(reply.status == 200)
        }
        let requests = try await receiver.wait { $0.count >= 1 }
        await BlockingWork.run(notifier.stop)
        await receiver.stop()

        let request = try #require(requests.first)
        #expect((request.json["alert"] as? [String: Any])?["kind"] as? String == "policy_violation")
        #expect(!request.body.contains { $0 < 0x20 || $0 == 0x7F })
        let strings = Self.strings(in: request.json)
        #expect(strings.contains { $0.contains("guard") })
        #expect(!strings.contains { $0.unicodeScalars.contains(where: ControlCharacters.isControl) })
        #expect(!request.text.contains("sk-live-4242"))
        #expect(!strings.contains { $0.contains("sk-live-4242") })
    }

    private static func strings(in value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let object as [String: Any]: object.flatMap { [$0.key] + strings(in: $0.value) }
        case let array as [Any]: array.flatMap { strings(in: $0) }
        default: []
        }
    }
}

/// `https` sinks speak TLS: pointed at a plain HTTP receiver, the handshake fails and no request is
/// ever read by it (a plain request would have been answered 200).
@Suite struct TLSSinkTests {
    /// Sends one notification to an https sink at `port` (no retries, `timeout` seconds); the sink's
    /// state once that has failed.
    static func failedDelivery(to port: Int, timeout: Double) async throws -> SinkStatus? {
        let engine = Engine()
        let sink = try NotifyFixtures.sink("https://127.0.0.1:\(port)/hook", retries: 0, timeout: timeout)
        let notifier = try Notifier(engine: engine, sinks: [sink], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        let status = try await NotifyFixtures.status(engine, "hook") { $0.stats.failed == 1 }
        await BlockingWork.run(notifier.stop)
        return status
    }

    @Test func anHTTPSSinkSpeaksTLS() async throws {
        let receiver = try await TestHTTPServer()
        // The plain server's answer ends the handshake long before the timeout, which is only a
        // safety limit here (1 s ran out under the full suite's load before the answer was read).
        let status = try await Self.failedDelivery(to: receiver.port, timeout: 30)
        await receiver.stop()
        #expect(receiver.requests.isEmpty)
        #expect(status?.stats.sent == 0)
        let error = try #require(status?.stats.lastError)
        #expect(error.hasPrefix("https://127.0.0.1:"))
        #expect(error.hasSuffix("/hook: TLS failed: the server did not answer with TLS (is it plain http://?)"), "\(error)")
    }

    /// The sink's timeout bounds the TLS handshake too: a server that accepts the connection and never
    /// answers it fails the attempt, with that said.
    @Test func anHTTPSSinkGivesUpOnAHandshakeThatNeverCompletes() async throws {
        let server = try await TestHTTPServer.silent()
        let port = server.port
        let status = try await Self.failedDelivery(to: port, timeout: 1)
        await server.stop()
        #expect(status?.stats.sent == 0)
        #expect(status?.stats.lastError == "https://127.0.0.1:\(port)/hook: TLS failed: the server did not complete the TLS handshake within 1 s")
    }
}
