import Foundation
import GovTopCore
import GovTopReceiver
import OTLPProto
import Testing

/// With more senders than the engine can absorb, some exports are shed with `503` + `Retry-After`
/// (what OTLP exporters retry), and every span answered `200` is counted: no more, no less.
@Suite struct LoadSheddingTests {
    /// One worker, a queue of two and a small in-flight budget: easy to overload.
    static let overloadable = ReceiverConfiguration(
        host: "127.0.0.1", port: 0, maxBodyBytes: 1 << 20, workerThreads: 1, maxInflightBytes: 4 << 20, maxQueuedExports: 2)

    /// Sends the requests all at once: every body but its last byte first, then the last bytes
    /// together, so they arrive faster than one worker can take them.
    static func burst(port: Int, bodies: [[UInt8]]) async throws -> [TestResponse] {
        let clients = try bodies.map { _ in try HTTPTestClient(port: port, timeoutSeconds: 120) }
        let requests = bodies.map {
            HTTPTestClient.request("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf], body: $0)
        }
        return try await blocking {
            for (client, request) in zip(clients, requests) { try client.send(Array(request.dropLast())) }
            for (client, request) in zip(clients, requests) { try client.send([request[request.count - 1]]) }
            return try clients.map { try $0.readResponse() }
        }
    }

    @Test func overloadShedsSomeExportsAndLosesNothingAnswered200() async throws {
        try await withServer(Self.overloadable) { port, engine in
            let senders = 24
            let spansPerRequest = 400
            var answered200 = 0
            var shed = 0
            var round = 0
            // A burst this size overfills a queue of two with one worker; repeat in the unlikely
            // case that the worker kept up with one.
            while shed == 0, round < 5 {
                let bodies = (0..<senders).map {
                    OTLPFixtures.traceBody(spans: spansPerRequest, firstTrace: UInt64((round * senders + $0) * 10_000 + 1))
                }
                let responses = try await Self.burst(port: port, bodies: bodies)
                for response in responses {
                    switch response.status {
                    case 200:
                        answered200 += spansPerRequest
                    case 503:
                        shed += 1
                        #expect(response.header("Retry-After").flatMap(Int.init) != nil)
                        let status = try ProtoStatusShape(serializedBytes: response.body)
                        #expect(status.rejectedSpans == 14)  // google.rpc.Status code UNAVAILABLE
                        #expect(status.errorMessage.contains("retry later"))
                    default:
                        Issue.record("unexpected status \(response.status): \(response.text)")
                    }
                }
                round += 1
            }
            #expect(shed > 0)
            #expect(answered200 > 0)
            let summary = try await APIClient(port: port).get("/api/v1/summary").json
            #expect(summary["spans_received"] as? Int == answered200)
            #expect(summary["requests_shed"] as? Int == shed)
            let byReason = summary["requests_shed_by_reason"] as? [String: Int]
            #expect((byReason?["queue_full"] ?? 0) + (byReason?["inflight_memory"] ?? 0) == shed)
            #expect(engine.summary().spansStored == answered200)
            try await Self.expectBudgetIsFree(port: port, engine: engine, spansBefore: answered200)
        }
    }

    /// A request whose decode allowance is all of the budget but its own payload is only served
    /// when nothing else holds any of it: every reservation of the overload was given back.
    static func expectBudgetIsFree(port: Int, engine: Engine, spansBefore: Int) async throws {
        let body = OTLPFixtures.traceBody(spans: 3_000, firstTrace: 90_000_000)
        let limits = DecodeLimits()
        #expect(limits.decodeAllowance(payloadBytes: body.count) >= overloadable.maxInflightBytes - body.count,
                "the request must need the whole budget")
        let response = try await blocking {
            try HTTPTestClient(port: port, timeoutSeconds: 120).exchange(
                "POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf], body: body)
        }
        #expect(response.status == 200, "\(response.status): \(response.text)")
        #expect(engine.summary().spansReceived == spansBefore + 3_000)
    }

    @Test func aShedCountShowsInTheSummaryOnlyForShedRequests() async throws {
        try await withServer { port, _ in
            let summary = try await APIClient(port: port).get("/api/v1/summary").json
            #expect(summary["requests_shed"] as? Int == 0)
            #expect(summary["requests_shed_by_reason"] as? [String: Int] == ["inflight_memory": 0, "queue_full": 0])
            #expect(summary["null_items_dropped"] as? Int == 0)
        }
    }
}
