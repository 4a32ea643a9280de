import Foundation
import GovTopCore
import GovTopReceiver
import OTLPProto
import Testing

typealias ProtoLogRecord = Opentelemetry_Proto_Logs_V1_LogRecord

/// Log records from `/v1/logs` under their span in `/api/v1/traces/{id}`, redacted before they
/// are stored, with their evaluation and policy attributes counted like a span event's.
@Suite struct LogsAPITests {
    static let traceHex = "0102030405060708" + "0000000000000007"

    static func record(trace: UInt64? = 7, span: UInt64? = 7, event: String, body: String,
                       attributes: [ProtoKeyValue] = []) -> ProtoLogRecord {
        var record = ProtoLogRecord()
        if let trace { record.traceID = Data(OTLPFixtures.traceID(trace)) }
        if let span { record.spanID = Data(OTLPFixtures.spanID(span)) }
        record.timeUnixNano = 1_700_000_000_100_000_000
        record.severityNumber = .info
        record.eventName = event
        record.body.stringValue = body
        record.attributes = attributes
        return record
    }

    static func logsBody(_ records: [ProtoLogRecord], team: String = "ml") -> [UInt8] {
        var resourceLogs = Opentelemetry_Proto_Logs_V1_ResourceLogs()
        resourceLogs.resource.attributes = [OTLPFixtures.string("service.name", "checkout"), OTLPFixtures.string("genops.team", team)]
        var scopeLogs = Opentelemetry_Proto_Logs_V1_ScopeLogs()
        scopeLogs.scope.name = "opentelemetry.instrumentation.openai_v2"
        scopeLogs.logRecords = records
        resourceLogs.scopeLogs = [scopeLogs]
        var request = ProtoLogsRequest()
        request.resourceLogs = [resourceLogs]
        return OTLPFixtures.bytes(request)
    }

    static func postLogs(_ body: [UInt8], port: Int, json: Bool = false) async throws -> TestResponse {
        try await blocking {
            try HTTPTestClient(port: port).exchange("POST", "/v1/logs", headers: [json ? OTLPFixtures.contentTypeJSON : OTLPFixtures.contentTypeProtobuf], body: body)
        }
    }

    @Test func logRecordsAppearUnderTheirSpan() async throws {
        try await withServer { port, engine in
            let client = APIClient(port: port)
            let spans = [OTLPFixtures.span(trace: 7, id: 7, name: "chat"), OTLPFixtures.span(trace: 7, id: 8, parent: 7, name: "tool")]
            #expect(try await client.post(OTLPFixtures.traceRequest(spans)).status == 200)
            let records = [
                Self.record(event: "gen_ai.user.message", body: "hello"),
                Self.record(span: 8, event: "gen_ai.choice", body: "hi there",
                            attributes: [OTLPFixtures.string("gen_ai.response.finish_reasons", "stop")]),
                Self.record(span: 99, event: "orphan", body: "span not stored"),
                Self.record(trace: 9, span: 9, event: "other trace", body: "elsewhere"),
                Self.record(trace: nil, span: nil, event: "", body: "no trace at all"),
            ]
            let posted = try await Self.postLogs(Self.logsBody(records), port: port)
            #expect(posted.status == 200)
            let response = try await client.get("/api/v1/traces/\(Self.traceHex)")
            #expect(response.status == 200)
            let spansJSON = try #require(response.json["spans"] as? [[String: Any]])
            let bySpan = Dictionary(uniqueKeysWithValues: spansJSON.map { ($0["name"] as? String ?? "", $0) })
            let chatLogs = try #require(bySpan["chat"]?["logs"] as? [[String: Any]])
            #expect(chatLogs.count == 1)
            #expect(chatLogs.first?["event_name"] as? String == "gen_ai.user.message")
            #expect(chatLogs.first?["body"] as? String == "hello")
            #expect(chatLogs.first?["severity"] as? String == "INFO")
            #expect(chatLogs.first?["time_unix_nano"] as? String == "1700000000100000000")
            let toolLogs = try #require(bySpan["tool"]?["logs"] as? [[String: Any]])
            #expect(toolLogs.first?["event_name"] as? String == "gen_ai.choice")
            #expect((toolLogs.first?["attributes"] as? [String: Any])?["gen_ai.response.finish_reasons"] as? String == "stop")
            let unattached = try #require(response.json["logs"] as? [[String: Any]])
            #expect(unattached.map { $0["event_name"] as? String } == ["orphan"])
            #expect(engine.summary().logRecordsReceived == 5)
            #expect(engine.logStoreStatus().stored == 5)
        }
    }

    @Test func jsonLogRecordsWithHexIdsAppearToo() async throws {
        let body = Array(#"""
        {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
          "scopeLogs":[{"logRecords":[{"timeUnixNano":"1700000000200000000","severityText":"WARN","eventName":"gen_ai.evaluation.result",
            "traceId":"01020304050607080000000000000007","spanId":"0000000000000007",
            "body":{"kvlistValue":{"values":[{"key":"explanation","value":{"stringValue":"off topic"}}]}},
            "attributes":[{"key":"gen_ai.evaluation.name","value":{"stringValue":"relevance"}},
                          {"key":"gen_ai.evaluation.score.value","value":{"doubleValue":0.2}},
                          {"key":"gen_ai.evaluation.score.label","value":{"stringValue":"fail"}}]}]}]}]}
        """#.utf8)
        try await withServer { port, engine in
            let client = APIClient(port: port)
            #expect(try await client.post(OTLPFixtures.traceRequest([OTLPFixtures.span(trace: 7, id: 7)])).status == 200)
            let posted = try await Self.postLogs(body, port: port, json: true)
            #expect(posted.status == 200)
            let response = try await client.get("/api/v1/traces/\(Self.traceHex)")
            let span = try #require((response.json["spans"] as? [[String: Any]])?.first)
            let log = try #require((span["logs"] as? [[String: Any]])?.first)
            #expect(log["severity"] as? String == "WARN")
            #expect((log["body"] as? [String: Any])?["explanation"] as? String == "off topic")
            // The evaluation result counts like one reported on a span event.
            let metric = engine.policiesSnapshot().evaluations.metrics.first { $0.metric == "relevance" }
            #expect(metric?.counts.count == 1)
            #expect(metric?.counts.failed == 1)
        }
    }

    @Test func policyAttributesOnLogRecordsCountLikeSpanEvents() async throws {
        try await withServer { port, engine in
            let record = Self.record(event: "genops.policy", body: "", attributes: [
                OTLPFixtures.string("genops.policy.name", "content-filter"), OTLPFixtures.string("genops.policy.result", "blocked"),
            ])
            let posted = try await Self.postLogs(Self.logsBody([record]), port: port)
            #expect(posted.status == 200)
            let policy = engine.policiesSnapshot().policies.policies.first { $0.name == "content-filter" }
            #expect(policy?.violations == 1)
            #expect(policy?.byTeam["ml"] == 1)
        }
    }

    @Test func redactedTextInLogsIsReachableNowhere() async throws {
        let secret = "123-45-6789"
        let engine = Engine(configuration: EngineConfiguration(policies: [
            PolicyRule(name: "pii-detection", check: .pattern(".*SSN.*", keys: nil), action: .redact),
        ]))
        try await withServer(engine: engine) { port, engine in
            let client = APIClient(port: port)
            #expect(try await client.post(OTLPFixtures.traceRequest([OTLPFixtures.span(trace: 7, id: 7)])).status == 200)
            let records = [
                Self.record(event: "gen_ai.user.message", body: "my SSN \(secret)"),
                Self.record(event: "gen_ai.user.message", body: "fine", attributes: [OTLPFixtures.string("content", "SSN \(secret)")]),
            ]
            let posted = try await Self.postLogs(Self.logsBody(records), port: port)
            #expect(posted.status == 200)
            var bodies: [String] = []
            for path in ["/api/v1/summary", "/api/v1/traces", "/api/v1/traces/\(Self.traceHex)", "/api/v1/groups?by=team",
                         "/api/v1/policies", "/metrics"] {
                let response = try await client.get(path)
                #expect(response.status == 200, "\(path)")
                bodies.append(response.text)
            }
            for body in bodies { #expect(!body.contains(secret)) }
            #expect(bodies[2].contains("[REDACTED:pii-detection]"))
            let id = try #require(TraceID(hex: Self.traceHex))
            let detail = try #require(engine.trace(id))
            let stored = detail.spans.flatMap(\.logs).map { String(describing: $0.record) }.joined()
            #expect(detail.spans.flatMap(\.logs).count == 2)
            #expect(!stored.contains(secret))
        }
    }

    @Test func theLogRingEvictsTheOldestWithinItsShareOfTheMemoryBudget() async throws {
        let engine = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: 3, maxMemoryBytes: 64 << 20)))
        try await withServer(engine: engine) { port, engine in
            let records = (0..<5).map { Self.record(event: "e\($0)", body: "b\($0)") }
            let posted = try await Self.postLogs(Self.logsBody(records), port: port)
            #expect(posted.status == 200)
            let status = engine.logStoreStatus()
            #expect(status.stored == 3)
            #expect(status.evicted == 2)
            #expect(status.bytes > 0)
            let summary = try await APIClient(port: port).get("/api/v1/summary").json
            #expect((summary["log_store"] as? [String: Any])?["evicted"] as? Int == 2)
        }
    }
}
