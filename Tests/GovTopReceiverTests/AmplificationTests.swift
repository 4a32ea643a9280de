import Foundation
import GovTopCore
import OTLPProto
import Testing

/// Bodies that are small on the wire but would decode into millions of messages (issue 9: a
/// 64 MiB body of empty `ResourceSpans`, 65 KB gzipped, took the process to 2.1 GiB) are refused
/// with 413 before that memory exists, alone or several at once, and the server goes on serving.
@Suite(.serialized) struct AmplificationTests {
    enum Body: String, CaseIterable, Sendable {
        case protobuf, protobufGzip, json, jsonGzip
    }

    /// The largest body the default `--max-body` (64 MiB) accepts, of empty `ResourceSpans`.
    static func payload(json: Bool) -> [UInt8] {
        let limit = 64 << 20
        guard json else { return repeated([0x0A, 0x00], count: limit / 2) }
        let head = Array(#"{"resourceSpans":["#.utf8)
        let tail = Array("{}]}".utf8)
        return head + repeated(Array("{},".utf8), count: (limit - head.count - tail.count) / 3) + tail
    }

    /// `unit`, `count` times over, built by doubling: a loop per byte took most of this suite's
    /// time in a debug build.
    static func repeated(_ unit: [UInt8], count: Int) -> [UInt8] {
        let total = unit.count * count
        var bytes = unit
        bytes.reserveCapacity(total)
        while bytes.count < total { bytes += bytes[..<min(bytes.count, total - bytes.count)] }
        return bytes
    }

    static func request(_ body: Body) -> (headers: [(String, String)], bytes: [UInt8]) {
        switch body {
        case .protobuf: ([OTLPFixtures.contentTypeProtobuf], payload(json: false))
        case .protobufGzip: ([OTLPFixtures.contentTypeProtobuf, ("Content-Encoding", "gzip")], Zlib.compress(payload(json: false), .gzip))
        case .json: ([OTLPFixtures.contentTypeJSON], payload(json: true))
        case .jsonGzip: ([OTLPFixtures.contentTypeJSON, ("Content-Encoding", "gzip")], Zlib.compress(payload(json: true), .gzip))
        }
    }

    /// The `google.rpc.Status` message of a failure response, in either format.
    static func statusMessage(_ response: TestResponse) -> (code: Int, message: String) {
        if response.header("Content-Type") == "application/json" {
            return ((response.json["code"] as? Int) ?? -1, (response.json["message"] as? String) ?? "")
        }
        let status = try? ProtoStatusShape(serializedBytes: response.body)
        return (Int(status?.rejectedSpans ?? -1), status?.errorMessage ?? "")
    }

    static func post(_ body: Body, port: Int) async throws -> TestResponse {
        let request = request(body)
        return try await blocking {
            try HTTPTestClient(port: port, timeoutSeconds: 300).exchange("POST", "/v1/traces", headers: request.headers,
                                                                         body: request.bytes)
        }
    }

    /// An honest export still gets in, is counted exactly, and the API answers.
    static func expectServing(port: Int, engine: Engine, spansBefore: Int) async throws {
        let response = try await blocking {
            try HTTPTestClient(port: port, timeoutSeconds: 120).exchange(
                "POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf], body: OTLPFixtures.traceBody(spans: 7))
        }
        #expect(response.status == 200)
        #expect(engine.summary().spansReceived == spansBefore + 7)
        #expect(try await APIClient(port: port).get("/healthz").status == 200)
    }

    @Test(arguments: Body.allCases)
    func oneAmplificationBodyIsRefusedWith413(body: Body) async throws {
        try await withServer { port, engine in
            let response = try await Self.post(body, port: port)
            #expect(response.status == 413)
            let status = Self.statusMessage(response)
            #expect(status.code == 8)  // RESOURCE_EXHAUSTED
            #expect(status.message.contains("decoded request would need more than"), "\(status.message)")
            #expect(engine.summary().spansReceived == 0)
            #expect(engine.summary().requestsShed == 0)
            try await Self.expectServing(port: port, engine: engine, spansBefore: 0)
        }
    }

    @Test func severalAtOnceAreRefusedOrShedAndTheServerKeepsServing() async throws {
        try await withServer { port, engine in
            let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for body in Body.allCases { group.addTask { try await Self.post(body, port: port) } }
                // An honest exporter meanwhile.
                group.addTask {
                    try await blocking {
                        try HTTPTestClient(port: port, timeoutSeconds: 300).exchange(
                            "POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf], body: OTLPFixtures.traceBody(spans: 3))
                    }
                }
                var responses: [TestResponse] = []
                for try await response in group { responses.append(response) }
                return responses
            }
            let refused = responses.filter { $0.status == 413 || $0.status == 503 }
            #expect(refused.count == Body.allCases.count)
            #expect(responses.filter { $0.status == 200 }.count == 1)
            for response in refused where response.status == 503 {
                #expect(response.header("Retry-After") != nil)
                #expect(Self.statusMessage(response).code == 14)  // UNAVAILABLE
            }
            #expect(engine.summary().spansReceived == 3)
            try await Self.expectServing(port: port, engine: engine, spansBefore: 3)
        }
    }
}
