import Foundation
import OTLPProto
import Testing

@Suite struct APITraceDetailTests {
    private static let traceHex = "01020304050607080000000000000042"

    /// A root span and a child that carries every attribute value type, an event, a link and an error status.
    private static func request() -> ProtoTraceRequest {
        let root = OTLPFixtures.span(trace: 0x42, id: 0x100, name: "workflow", start: 1_700_000_000_000_000_000,
                                     durationNanos: 2_000_000_000)
        var child = OTLPFixtures.span(trace: 0x42, id: 0x101, parent: 0x100, name: "chat \"quoted\"\n",
                                      start: 1_700_000_000_250_000_000, durationNanos: 1_234_567, attributes: [
            OTLPFixtures.string("text", "héllo"),
            OTLPFixtures.keyValue("count") { $0.intValue = -9_007_199_254_740_993 },
            OTLPFixtures.keyValue("ratio") { $0.doubleValue = 0.75 },
            OTLPFixtures.keyValue("flag") { $0.boolValue = true },
            OTLPFixtures.keyValue("raw") { $0.bytesValue = Data([0xDE, 0xAD, 0xBE, 0xEF]) },
            OTLPFixtures.keyValue("list") { value in
                value.arrayValue.values = [OTLPFixtures.keyValue("") { $0.stringValue = "a" }.value,
                                           OTLPFixtures.keyValue("") { $0.intValue = 2 }.value]
            },
            OTLPFixtures.keyValue("map") { value in
                value.kvlistValue.values = [OTLPFixtures.string("inner", "x"),
                                            OTLPFixtures.keyValue("nested") { $0.kvlistValue.values = [OTLPFixtures.keyValue("deep") { $0.boolValue = false }] }]
            },
            OTLPFixtures.keyValue("nothing") { _ in },
        ])
        child.kind = .client
        child.status.code = .error
        child.status.message = "rate limited"
        var event = Opentelemetry_Proto_Trace_V1_Span.Event()
        event.name = "policy.evaluated"
        event.timeUnixNano = 1_700_000_000_260_000_000
        event.attributes = [OTLPFixtures.string("genops.policy.result", "allowed")]
        child.events = [event]
        var link = Opentelemetry_Proto_Trace_V1_Span.Link()
        link.traceID = Data(OTLPFixtures.traceID(0x99))
        link.spanID = Data(OTLPFixtures.spanID(0x98))
        link.attributes = [OTLPFixtures.string("reason", "retry")]
        child.links = [link]
        return OTLPFixtures.traceRequest([child, root], service: "checkout",
                                         resourceAttributes: [OTLPFixtures.string("deployment.environment.name", "prod")])
    }

    private func spans(_ response: TestResponse) -> [[String: Any]] {
        response.json["spans"] as? [[String: Any]] ?? []
    }

    @Test func detailCarriesEveryFieldAsNaturalJSON() async throws {
        try await withServer { port, _ in
            let client = APIClient(port: port)
            #expect(try await client.post(Self.request()).status == 200)
            let response = try await client.get("/api/v1/traces/" + Self.traceHex)
            #expect(response.status == 200)
            #expect(response.json["trace_id"] as? String == Self.traceHex)
            let all = spans(response)
            #expect(all.count == 2)
            let child = try #require(all.first { $0["span_id"] as? String == "0000000000000101" })
            #expect(child["parent_span_id"] as? String == "0000000000000100")
            // Quotes kept; the line feed, a control character, replaced as in every string the API writes.
            #expect(child["name"] as? String == "chat \"quoted\"\u{FFFD}")
            #expect(child["service"] as? String == "checkout")
            #expect(child["kind"] as? String == "client")
            #expect(child["start_time_unix_nano"] as? String == "1700000000250000000")
            #expect(child["end_time_unix_nano"] as? String == "1700000000251234567")
            #expect(child["duration_ms"] as? Double == 1.234567)
            let status = child["status"] as? [String: Any]
            #expect(status?["code"] as? String == "error")
            #expect(status?["message"] as? String == "rate limited")

            let attributes = try #require(child["attributes"] as? [String: Any])
            #expect(attributes["text"] as? String == "héllo")
            #expect((attributes["count"] as? NSNumber)?.int64Value == -9_007_199_254_740_993)
            #expect(attributes["ratio"] as? Double == 0.75)
            #expect(attributes["flag"] as? Bool == true)
            #expect(attributes["raw"] as? String == "3q2+7w==")
            let list = attributes["list"] as? [Any]
            #expect(list?.count == 2)
            #expect(list?.first as? String == "a")
            #expect(list?.last as? Int == 2)
            let map = attributes["map"] as? [String: Any]
            #expect(map?["inner"] as? String == "x")
            #expect((map?["nested"] as? [String: Any])?["deep"] as? Bool == false)
            #expect(attributes["nothing"] is NSNull)

            let events = try #require(child["events"] as? [[String: Any]])
            #expect(events.count == 1)
            #expect(events.first?["name"] as? String == "policy.evaluated")
            #expect(events.first?["time_unix_nano"] as? String == "1700000000260000000")
            #expect((events.first?["attributes"] as? [String: Any])?["genops.policy.result"] as? String == "allowed")
            let links = try #require(child["links"] as? [[String: Any]])
            #expect(links.first?["trace_id"] as? String == "01020304050607080000000000000099")
            #expect(links.first?["span_id"] as? String == "0000000000000098")
            #expect((links.first?["attributes"] as? [String: Any])?["reason"] as? String == "retry")
            let resource = child["resource"] as? [String: Any]
            #expect(resource?["service.name"] as? String == "checkout")
            #expect(resource?["deployment.environment.name"] as? String == "prod")
            let scope = child["scope"] as? [String: Any]
            #expect(scope?["name"] as? String == "govtop.tests")
            #expect(scope?["version"] as? String == "1.2.3")

            let root = try #require(all.first { $0["span_id"] as? String == "0000000000000100" })
            #expect(root["parent_span_id"] is NSNull)
            #expect((root["status"] as? [String: Any])?["code"] as? String == "unset")
            #expect(root["events"] as? [Any] != nil)
        }
    }

    @Test func upperCaseIDsFindTheSameTrace() async throws {
        try await withServer { port, _ in
            let client = APIClient(port: port)
            #expect(try await client.post(Self.request()).status == 200)
            let response = try await client.get("/api/v1/traces/" + Self.traceHex.uppercased())
            #expect(response.status == 200)
            #expect(spans(response).count == 2)
        }
    }

    @Test func unknownTraceIs404WithAJSONError() async throws {
        try await withServer { port, _ in
            let response = try await APIClient(port: port).get("/api/v1/traces/0102030405060708090a0b0c0d0e0f10")
            #expect(response.status == 404)
            #expect((response.json["error"] as? String)?.contains("0102030405060708090a0b0c0d0e0f10") == true)
        }
    }

    @Test(arguments: ["xyz", "0102", "00000000000000000000000000000000", "0102030405060708090a0b0c0d0e0f10aa", "%00"])
    func malformedTraceIDIs400WithAJSONError(id: String) async throws {
        try await withServer { port, _ in
            let response = try await APIClient(port: port).get("/api/v1/traces/" + id)
            #expect(response.status == 400)
            #expect((response.json["error"] as? String)?.contains("malformed") == true)
        }
    }
}
