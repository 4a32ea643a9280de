import Testing

@Suite struct MetricsEndpointTests {
    @Test func metricsExposesTheEnginesCountersAsPrometheusText() async throws {
        try await withServer { port, _ in
            let client = APIClient(port: port)
            let spans = [OTLPFixtures.span(trace: 1, id: 1), OTLPFixtures.span(trace: 2, id: 2), OTLPFixtures.span(trace: 3, id: 3)]
            #expect(try await client.post(OTLPFixtures.traceRequest(spans)).status == 200)
            let response = try await client.get("/metrics")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            let lines = response.text.split(separator: "\n")
            #expect(lines.contains("# TYPE govtop_spans_received_total counter"))
            #expect(lines.contains("govtop_spans_received_total 3"))
            #expect(lines.contains("govtop_traces_stored 3"))
        }
    }

    @Test func metricsAllowsOnlyGet() async throws {
        try await withServer { port, _ in
            let response = try await blocking { try HTTPTestClient(port: port).exchange("POST", "/metrics") }
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
        }
    }
}
