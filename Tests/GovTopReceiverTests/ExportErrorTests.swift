import Foundation
import Testing

@Suite struct ExportErrorTests {
    @Test(arguments: [
        [("Content-Type", "text/plain")], [("Content-Type", "application/xml; charset=utf-8")], [],
    ])
    func otherContentTypesAre415InJSON(headers: [(String, String)]) async throws {
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: headers, body: OTLPFixtures.traceBody(spans: 1))
            }
            #expect(response.status == 415)
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.json["code"] as? Int == 12)
            #expect((response.json["message"] as? String)?.contains("application/x-protobuf or application/json") == true)
            #expect(engine.summary().spansReceived == 0)
        }
    }

    @Test(arguments: ["GET", "PUT", "DELETE", "PATCH"])
    func otherMethodsAre405WithAllow(method: String) async throws {
        try await withServer { port, _ in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange(method, "/v1/logs", headers: [OTLPFixtures.contentTypeProtobuf])
            }
            #expect(response.status == 405)
            #expect(response.header("Allow") == "POST")
            let status = try ProtoStatusShape(serializedBytes: response.body)
            #expect(status.errorMessage.contains(method))
        }
    }

    @Test func unknownOTLPPathIs404() async throws {
        try await withServer { port, _ in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/profiles", headers: [OTLPFixtures.contentTypeJSON], body: [1, 2, 3])
            }
            #expect(response.status == 404)
            #expect((response.json["message"] as? String)?.contains("/v1/profiles") == true)
        }
    }

    @Test func aRefusedRequestsLargeBodyIsSkippedAndTheConnectionReused() async throws {
        let body = [UInt8](repeating: 0x41, count: 3 << 20)
        try await withServer(.forTests(maxBodyBytes: 1 << 20)) { port, _ in
            let statuses = try await blocking {
                let client = try HTTPTestClient(port: port)
                return [try client.exchange("POST", "/v1/unknown", headers: [OTLPFixtures.contentTypeJSON], body: body).status,
                        try client.exchange("PUT", "/v1/traces", headers: [OTLPFixtures.contentTypeJSON], body: body).status,
                        try client.exchange("GET", "/healthz").status]
            }
            #expect(statuses == [404, 405, 200])
        }
    }

    @Test func undecodableProtobufIs400WithTheDecodersMessage() async throws {
        let truncated = Array(OTLPFixtures.traceBody(spans: 2).dropLast(5))
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf], body: truncated)
            }
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/x-protobuf")
            let status = try ProtoStatusShape(serializedBytes: response.body)
            #expect(status.rejectedSpans == 3)  // the Status code field: INVALID_ARGUMENT
            #expect(status.errorMessage.hasPrefix("invalid ExportTraceServiceRequest (protobuf): "))
            #expect(status.errorMessage.count > "invalid ExportTraceServiceRequest (protobuf): ".count)
            #expect(engine.summary().spansReceived == 0)
        }
    }

    @Test func undecodableJSONIs400WithTheDecodersMessage() async throws {
        try await withServer { port, _ in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeJSON],
                                                        body: Array(#"{"resourceSpans": [ nope ]}"#.utf8))
            }
            #expect(response.status == 400)
            #expect(response.json["code"] as? Int == 3)
            #expect((response.json["message"] as? String)?.hasPrefix("invalid ExportTraceServiceRequest (JSON): ") == true)
        }
    }

    @Test(arguments: [true, false])
    func nestingBombIs400(protobuf: Bool) async throws {
        let body = protobuf ? NestingBombs.protobuf(depth: 5000) : NestingBombs.json(depth: 5000)
        let contentType = protobuf ? OTLPFixtures.contentTypeProtobuf : OTLPFixtures.contentTypeJSON
        try await withServer { port, engine in
            let (bombed, healthy) = try await blocking {
                let client = try HTTPTestClient(port: port)
                return (try client.exchange("POST", "/v1/traces", headers: [contentType], body: body),
                        try client.exchange("GET", "/healthz"))
            }
            #expect(bombed.status == 400)
            #expect(healthy.status == 200)
            #expect(engine.summary().spansReceived == 0)
        }
    }

    @Test func declaredLengthOverTheLimitIs413BeforeAnyBodyIsSent() async throws {
        try await withServer(.forTests(maxBodyBytes: 1000)) { port, _ in
            let (response, closed) = try await blocking {
                let client = try HTTPTestClient(port: port)
                try client.send("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeJSON, ("Content-Length", "1000000000000")])
                let response = try client.readResponse()
                return (response, client.waitForClose())
            }
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            #expect((response.json["message"] as? String)?.contains("limit of 1000 bytes") == true)
            #expect(closed)
        }
    }

    @Test func chunkedBodyOverTheLimitIs413WhileStreaming() async throws {
        try await withServer(.forTests(maxBodyBytes: 1000)) { port, engine in
            let response = try await blocking {
                let client = try HTTPTestClient(port: port)
                try client.send("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf, ("Transfer-Encoding", "chunked")])
                let chunk = [UInt8](repeating: 0x0A, count: 600)
                try client.send(Array("258\r\n".utf8) + chunk + Array("\r\n".utf8))
                try client.send(Array("258\r\n".utf8) + chunk + Array("\r\n".utf8))
                // No terminating chunk: the server must answer without waiting for the rest.
                return try client.readResponse()
            }
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            #expect(engine.summary().spansReceived == 0)
        }
    }

    @Test func badRequestsDoNotHarmDataAlreadyReceived() async throws {
        try await withServer(.forTests(maxBodyBytes: 4096)) { port, engine in
            let statuses = try await blocking {
                let client = try HTTPTestClient(port: port)
                var statuses = [try client.exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                                    body: OTLPFixtures.traceBody(spans: 5)).status]
                for body in [[0xFF, 0xFF, 0xFF], NestingBombs.protobuf(depth: 100), Array(repeating: 0x0A, count: 5000)] as [[UInt8]] {
                    let other = try HTTPTestClient(port: port)
                    statuses.append(try other.exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf], body: body).status)
                }
                return statuses
            }
            #expect(statuses == [200, 400, 400, 413])
            #expect(engine.summary().spansReceived == 5)
            #expect(engine.traces(.init()).count == 5)
        }
    }

    @Test func malformedHTTPIsAnsweredAndClosed() async throws {
        try await withServer { port, _ in
            let (response, healthy) = try await blocking {
                let client = try HTTPTestClient(port: port)
                try client.send("NOT HTTP AT ALL\r\n\r\n")
                let response = try client.readResponse()
                return (response, try HTTPTestClient(port: port).exchange("GET", "/healthz"))
            }
            #expect(response.status == 400)
            #expect(healthy.status == 200)
        }
    }
}
