import Foundation
import Testing

@Suite struct APIHealthAndSummaryTests {
    @Test func healthzSaysOK() async throws {
        try await withServer { port, _ in
            let response = try await APIClient(port: port).get("/healthz")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.text == #"{"status":"ok"}"#)
        }
    }

    @Test func summaryReportsTheEnginesTotals() async throws {
        let llm = OTLPFixtures.span(trace: 1, id: 1, name: "chat gpt-4o", attributes: [
            OTLPFixtures.string("gen_ai.request.model", "gpt-4o"),
            OTLPFixtures.keyValue("gen_ai.usage.input_tokens") { $0.intValue = 1200 },
            OTLPFixtures.keyValue("gen_ai.usage.output_tokens") { $0.intValue = 300 },
            OTLPFixtures.keyValue("genops.cost.total") { $0.doubleValue = 0.125 },
        ])
        try await withServer { port, _ in
            let client = APIClient(port: port)
            #expect(try await client.post(OTLPFixtures.traceRequest([llm, OTLPFixtures.span(trace: 2, id: 2)])).status == 200)
            let metrics = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/metrics", headers: [OTLPFixtures.contentTypeProtobuf],
                                                        body: OTLPFixtures.metricsBody(points: 6)).status
            }
            #expect(metrics == 200)
            let summary = try await client.get("/api/v1/summary")
            #expect(summary.status == 200)
            let json = summary.json
            #expect(json["spans_received"] as? Int == 2)
            #expect(json["spans_stored"] as? Int == 2)
            #expect(json["spans_evicted"] as? Int == 0)
            #expect(json["spans_rejected"] as? Int == 0)
            #expect(json["traces_stored"] as? Int == 2)
            #expect(json["requests_total"] as? Int == 1)
            #expect(json["cost_usd_total"] as? Double == 0.125)
            #expect(json["input_tokens_total"] as? Int == 1200)
            #expect(json["output_tokens_total"] as? Int == 300)
            #expect(json["policy_violations_total"] as? Int == 0)
            #expect(json["eval_failures_total"] as? Int == 0)
            #expect(json["metric_points_received"] as? Int == 6)
            #expect(json["log_records_received"] as? Int == 0)
            #expect((json["uptime_seconds"] as? Double).map { $0 >= 0 } == true)
            #expect(json["cost_usd_per_minute"] as? Double == 0.125)
            #expect(json["alerts_active"] as? Int == 0)
            let keys = ["spans_received", "spans_stored", "spans_evicted", "spans_rejected", "traces_stored", "store_bytes",
                        "requests_total", "cost_usd_total", "input_tokens_total", "output_tokens_total",
                        "unpriced_requests_total", "policy_violations_total", "eval_failures_total",
                        "metric_points_received", "log_records_received", "uptime_seconds",
                        "cost_usd_per_minute", "alerts_active", "invalid_values", "null_items_dropped", "requests_shed",
                        "requests_shed_by_reason", "record_written", "record_dropped", "record_write_errors",
                        "ledger_write_errors", "ledger_buckets_dropped", "fleet_read_failures", "ledger_fleet_read_age_seconds",
                        "metering", "log_store"]
            #expect(Set(json.keys) == Set(keys))
            #expect(json["ledger_write_errors"] as? Int == 0)
            #expect(json["ledger_buckets_dropped"] as? Int == 0)
            #expect(json["fleet_read_failures"] as? Int == 0)
            let metering = json["metering"] as? [String: Any]
            #expect(metering?["coverage"] is NSNull)
            #expect(metering?["metric_streams_dropped"] as? Int == 0)
            #expect((json["log_store"] as? [String: Any])?["stored"] as? Int == 0)
            #expect((json["invalid_values"] as? [String: Int]) == [:])
        }
    }

    @Test(arguments: ["POST", "PUT", "DELETE"])
    func apiEndpointsAllowOnlyGet(method: String) async throws {
        try await withServer { port, _ in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange(method, "/api/v1/summary", headers: [OTLPFixtures.contentTypeJSON],
                                                        body: Array("{}".utf8))
            }
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
            #expect((response.json["error"] as? String)?.contains(method) == true)
        }
    }

    @Test(arguments: ["/api/v1/nothing", "/api/v2/summary", "/", "/favicon.ico", "/api/v1/traces/0102030405060708090a0b0c0d0e0f10/spans"])
    func unknownPathsAre404WithAJSONError(path: String) async throws {
        try await withServer { port, _ in
            let response = try await APIClient(port: port).get(path)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/json")
            #expect((response.json["error"] as? String)?.isEmpty == false)
        }
    }
}
