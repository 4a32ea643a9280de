import Testing

@Suite struct ExportMetricsAndLogsTests {
    @Test func metricDataPointsAreCounted() async throws {
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/metrics", headers: [OTLPFixtures.contentTypeProtobuf],
                                                        body: OTLPFixtures.metricsBody(points: 7))
            }
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(engine.summary().metricPointsReceived == 7)
            #expect(engine.summary().spansReceived == 0)
        }
    }

    @Test func logRecordsAreCounted() async throws {
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/logs", headers: [OTLPFixtures.contentTypeProtobuf],
                                                        body: OTLPFixtures.logsBody(records: 4))
            }
            #expect(response.status == 200)
            #expect(engine.summary().logRecordsReceived == 4)
        }
    }

    @Test func jsonMetricsAndLogsAreCounted() async throws {
        let metrics = Array(#"""
        {"resourceMetrics":[{"scopeMetrics":[{"metrics":[
          {"name":"g","gauge":{"dataPoints":[{"asInt":"1"},{"asDouble":2.5}]}},
          {"name":"h","histogram":{"dataPoints":[{"count":"3"}]}}]}]}]}
        """#.utf8)
        let logs = Array(#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"a"}},{}]}]}]}"#.utf8)
        try await withServer { port, engine in
            let (metricsResponse, logsResponse) = try await blocking {
                let client = try HTTPTestClient(port: port)
                return (try client.exchange("POST", "/v1/metrics", headers: [OTLPFixtures.contentTypeJSON], body: metrics),
                        try client.exchange("POST", "/v1/logs", headers: [OTLPFixtures.contentTypeJSON], body: logs))
            }
            #expect(metricsResponse.status == 200)
            #expect(metricsResponse.text == "{}")
            #expect(logsResponse.status == 200)
            #expect(engine.summary().metricPointsReceived == 3)
            #expect(engine.summary().logRecordsReceived == 2)
        }
    }

    @Test func undecodableMetricsAre400AndCountNothing() async throws {
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/metrics", headers: [OTLPFixtures.contentTypeJSON],
                                                        body: Array(#"{"resourceMetrics":[{"#.utf8))
            }
            #expect(response.status == 400)
            #expect((response.json["message"] as? String)?.contains("ExportMetricsServiceRequest") == true)
            #expect(engine.summary().metricPointsReceived == 0)
        }
    }
}
