import Foundation
import Testing

@Suite struct APITraceListTests {
    /// Three traces, sent oldest first: checkout/ml-platform/gpt-4o, search/no team, checkout/research/claude.
    private func seed(_ client: APIClient) async throws {
        let first = [
            OTLPFixtures.span(trace: 1, id: 10, name: "workflow", start: 1_700_000_000_000_000_000, durationNanos: 1_500_000_000,
                              attributes: [OTLPFixtures.string("genops.team", "ml-platform")]),
            OTLPFixtures.span(trace: 1, id: 11, parent: 10, name: "chat", start: 1_700_000_000_100_000_000,
                              attributes: [OTLPFixtures.string("gen_ai.request.model", "gpt-4o"),
                                           OTLPFixtures.keyValue("genops.cost.total") { $0.doubleValue = 0.5 }]),
        ]
        var failing = OTLPFixtures.span(trace: 2, id: 20, name: "lookup", start: 1_700_000_100_000_000_000)
        failing.status.code = .error
        let third = OTLPFixtures.span(trace: 3, id: 30, name: "agent", start: 1_700_000_200_000_000_000, attributes: [
            OTLPFixtures.string("genops.team", "research"), OTLPFixtures.string("gen_ai.request.model", "claude-sonnet-4"),
        ])
        #expect(try await client.post(OTLPFixtures.traceRequest(first, service: "checkout")).status == 200)
        #expect(try await client.post(OTLPFixtures.traceRequest([failing], service: "search")).status == 200)
        #expect(try await client.post(OTLPFixtures.traceRequest([third], service: "checkout")).status == 200)
    }

    private func rows(_ response: TestResponse) -> [[String: Any]] {
        response.json["traces"] as? [[String: Any]] ?? []
    }

    @Test func listsTracesNewestFirstWithEveryField() async throws {
        try await withServer { port, _ in
            let client = APIClient(port: port)
            try await seed(client)
            let response = try await client.get("/api/v1/traces")
            #expect(response.status == 200)
            let traces = rows(response)
            #expect(traces.map { $0["root_name"] as? String } == ["agent", "lookup", "workflow"])
            let workflow = try #require(traces.last)
            #expect(workflow["trace_id"] as? String == "01020304050607080000000000000001")
            #expect(workflow["service"] as? String == "checkout")
            #expect(workflow["start_time"] as? String == "2023-11-14T22:13:20.000000000Z")
            #expect(workflow["duration_ms"] as? Double == 1500)
            #expect(workflow["span_count"] as? Int == 2)
            #expect(workflow["cost_usd"] as? Double == 0.5)
            #expect(workflow["team"] as? String == "ml-platform")
            #expect(workflow["models"] as? [String] == ["gpt-4o"])
            #expect(workflow["errors"] as? Int == 0)
            #expect(workflow["policy_violations"] as? Int == 0)
            let lookup = traces[1]
            #expect(lookup["team"] is NSNull)
            #expect(lookup["models"] as? [String] == [])
            #expect(lookup["errors"] as? Int == 1)
        }
    }

    @Test(arguments: [
        ("team=ml-platform", ["workflow"]), ("team=research", ["agent"]), ("model=gpt-4o", ["workflow"]),
        ("service=checkout", ["agent", "workflow"]), ("service=search", ["lookup"]), ("team=nobody", []),
        ("limit=2", ["agent", "lookup"]), ("limit=1&service=checkout", ["agent"]),
        ("model=claude-sonnet-4&team=research&service=checkout", ["agent"]),
    ])
    func filtersAndLimits(query: String, expected: [String]) async throws {
        try await withServer { port, _ in
            let client = APIClient(port: port)
            try await seed(client)
            let response = try await client.get("/api/v1/traces?" + query)
            #expect(response.status == 200)
            #expect(rows(response).compactMap { $0["root_name"] as? String } == expected)
        }
    }

    @Test func percentEncodedFilterValuesAreDecoded() async throws {
        let span = OTLPFixtures.span(trace: 7, id: 7, name: "spaced", attributes: [OTLPFixtures.string("genops.team", "data & ml/é")])
        try await withServer { port, _ in
            let client = APIClient(port: port)
            #expect(try await client.post(OTLPFixtures.traceRequest([span])).status == 200)
            let response = try await client.get("/api/v1/traces?team=data+%26+ml%2F%C3%A9")
            #expect(rows(response).compactMap { $0["root_name"] as? String } == ["spaced"])
        }
    }

    @Test func defaultLimitIs100AndMaximumIs1000() async throws {
        try await withServer { port, _ in
            let client = APIClient(port: port)
            let spans = (1...150).map { number in OTLPFixtures.span(trace: UInt64(number), id: UInt64(number)) }
            let posted = try await client.post(OTLPFixtures.traceRequest(spans))
            let byDefault = try await client.get("/api/v1/traces")
            let atMost = try await client.get("/api/v1/traces?limit=1000")
            #expect(posted.status == 200)
            #expect(rows(byDefault).count == 100)
            #expect(rows(atMost).count == 150)
        }
    }

    @Test(arguments: ["0", "-3", "1001", "ten", "", "2.5"])
    func invalidLimitIs400WithAJSONError(limit: String) async throws {
        try await withServer { port, _ in
            let response = try await APIClient(port: port).get("/api/v1/traces?limit=" + limit)
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/json")
            #expect((response.json["error"] as? String)?.contains("limit must be a whole number from 1 to 1000") == true)
        }
    }

    @Test func emptyStoreListsNoTraces() async throws {
        try await withServer { port, _ in
            let response = try await APIClient(port: port).get("/api/v1/traces")
            #expect(response.text == #"{"traces":[]}"#)
        }
    }
}
