import GovTopTestSupport
import Foundation
import GovTopClient
import GovTopCore
import GovTopNotify
import GovTopReceiver

enum NotifyFixtures {
    /// A webhook or Slack sink with tiny backoffs, so retries happen at once (no test waits on them).
    static func sink(_ url: String, name: String = "hook", slack: Bool = false, retries: Int = 4, timeout: Double = 5,
                     queue: Int = 256, failureAlertAfter: Int = 3, repeatAfter: Double = 0,
                     minSeverity: AlertSeverity = .info, kinds: Set<AlertKind> = []) throws -> NotificationSinkSettings {
        let parsed = try NotificationURL(parsing: url)
        return NotificationSinkSettings(name: name, target: slack ? .slack(parsed) : .webhook(parsed), minSeverity: minSeverity,
                                        kinds: kinds, repeatAfterSeconds: repeatAfter, timeoutSeconds: timeout, maxAttempts: retries + 1,
                                        backoffSeconds: 0.001, maxBackoffSeconds: 0.004, queueCapacity: queue,
                                        failureAlertAfter: failureAlertAfter)
    }

    /// Raises a distinct critical alert (`notifications probe-N`) through the engine's public interface.
    static func raise(_ engine: Engine, _ number: Int) {
        engine.recordNotificationFailure(sink: "probe-\(number)", target: "test", failures: 1, error: "probe")
    }

    /// The subjects of the alerts a receiver was sent, in arrival order.
    static func subjects(_ requests: [TestHTTPServer.Request]) -> [String] {
        requests.compactMap { ($0.json["alert"] as? [String: Any])?["subject"] as? String }
    }

    /// Polls the engine's delivery state until `condition` holds for the named sink (a hang limit, not
    /// a timing assertion; one last look after it).
    static func status(_ engine: Engine, _ name: String, until condition: @Sendable (SinkStatus) -> Bool) async throws -> SinkStatus? {
        let limit = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < limit {
            if let status = engine.notificationsSnapshot().sinks.first(where: { $0.name == name }), condition(status) { return status }
            try await Task.sleep(for: .milliseconds(10))
        }
        return engine.notificationsSnapshot().sinks.first { $0.name == name }
    }

    /// One OTLP/JSON span with string attributes and a reported cost.
    static func traceJSON(trace: Int, attributes: [(String, String)], costUSD: Double) -> [UInt8] {
        func escaped(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default:
                    if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }
        let strings = attributes.map { #"{"key":"\#(escaped($0.0))","value":{"stringValue":"\#(escaped($0.1))"}}"# }
        let cost = #"{"key":"genops.cost.total","value":{"doubleValue":\#(costUSD)}}"#
        let traceID = String(format: "%032x", trace)
        return Array(#"""
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"chat"}}]},
         "scopeSpans":[{"scope":{"name":"s"},"spans":[
          {"traceId":"\#(traceID)","spanId":"1112131415161718","name":"chat",
           "kind":3,"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000500000000",
           "attributes":[\#((strings + [cost]).joined(separator: ","))]}]}]}]}
        """#.utf8)
    }

    /// Starts a real server for `engine`, runs `body` with an OTLP/HTTP client pointed at it, stops both.
    static func withServer<T>(_ engine: Engine, _ body: (OTLPHTTPClient) async throws -> T) async throws -> T {
        let server = GovTopServer(configuration: ReceiverConfiguration(host: "127.0.0.1", port: 0, workerThreads: 2), engine: engine)
        let port = try await server.start()
        let client = OTLPHTTPClient(endpoint: OTLPEndpoint(host: "127.0.0.1", port: port))
        do {
            let result = try await body(client)
            await client.close()
            await server.stop()
            return result
        } catch {
            await client.close()
            await server.stop()
            throw error
        }
    }
}
