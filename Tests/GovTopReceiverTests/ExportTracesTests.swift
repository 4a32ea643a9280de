import Foundation
import GovTopCore
import OTLPProto
import Testing

@Suite struct ExportTracesTests {
    @Test func protobufTracesAreIngestedAndAnsweredWithAnEmptyProtobufResponse() async throws {
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                                        body: OTLPFixtures.traceBody(spans: 3))
            }
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/x-protobuf")
            #expect(response.body.isEmpty)
            #expect(engine.summary().spansReceived == 3)
            #expect(engine.summary().tracesStored == 3)
        }
    }

    @Test func jsonTracesAreIngestedAndAnsweredWithEmptyJSON() async throws {
        let body = Array(#"""
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"search"}}]},
         "scopeSpans":[{"scope":{"name":"s"},"spans":[
          {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"1112131415161718","name":"query",
           "kind":2,"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000500000000"}]}]}]}
        """#.utf8)
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces",
                                                        headers: [("Content-Type", "application/json; charset=utf-8")], body: body)
            }
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.text == "{}")
            let id = try #require(TraceID(hex: "0102030405060708090a0b0c0d0e0f10"))
            #expect(engine.trace(id)?.spans.first?.record.name == "query")
            #expect(engine.trace(id)?.spans.first?.service == "search")
        }
    }

    @Test(arguments: ["application/x-protobuf", "application/json"])
    func emptyBodySucceeds(contentType: String) async throws {
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [("Content-Type", contentType)])
            }
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == contentType)
            #expect(engine.summary().spansReceived == 0)
        }
    }

    @Test func rejectedSpansComeBackAsPartialSuccessInProtobuf() async throws {
        var bad = OTLPFixtures.span(trace: 5, id: 6, name: "broken")
        bad.traceID = Data(repeating: 7, count: 15)
        let request = OTLPFixtures.traceRequest([OTLPFixtures.span(trace: 1, id: 2), bad, OTLPFixtures.span(trace: 3, id: 4)])
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                                        body: OTLPFixtures.bytes(request))
            }
            #expect(response.status == 200)
            let decoded = try ProtoTraceResponse(serializedBytes: response.body)
            #expect(decoded.partialSuccess.rejectedSpans == 1)
            #expect(decoded.partialSuccess.errorMessage.contains("broken"))
            #expect(decoded.partialSuccess.errorMessage.contains("trace_id"))
            #expect(engine.summary().spansStored == 2)
            #expect(engine.summary().spansRejected == 1)
        }
    }

    @Test func rejectedSpansComeBackAsPartialSuccessInJSON() async throws {
        let body = Array(#"""
        {"resourceSpans":[{"scopeSpans":[{"spans":[
          {"traceId":"0102","spanId":"1112131415161718","name":"short-id"},
          {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"1112131415161718","name":"fine"}]}]}]}
        """#.utf8)
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeJSON], body: body)
            }
            #expect(response.status == 200)
            let partial = response.json["partialSuccess"] as? [String: Any]
            #expect(partial?["rejectedSpans"] as? String == "1")
            #expect((partial?["errorMessage"] as? String)?.contains("short-id") == true)
            #expect(engine.summary().spansStored == 1)
        }
    }
}
