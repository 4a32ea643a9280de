import Foundation
import GovTopCore
import GovTopReceiver
import Testing

/// Metered usage from `/v1/metrics` in `/api/v1/groups`, against a real listening server.
@Suite struct MeteringAPITests {
    static func engine(budgets: [BudgetDefinition] = []) -> Engine {
        Engine(configuration: EngineConfiguration(budgets: budgets), clock: GovClock { MeteringFixtures.now })
    }

    static func postMetrics(_ body: [UInt8], port: Int) async throws -> TestResponse {
        try await blocking {
            try HTTPTestClient(port: port).exchange("POST", "/v1/metrics", headers: [OTLPFixtures.contentTypeProtobuf], body: body)
        }
    }

    static func groups(_ client: APIClient, by dimension: String) async throws -> [[String: Any]] {
        let response = try await client.get("/api/v1/groups?by=\(dimension)")
        #expect(response.status == 200)
        return try #require(response.json["groups"] as? [[String: Any]])
    }

    @Test func tracedAndMeteredTokensGiveTheCoverageOfEachGroup() async throws {
        try await withServer(engine: Self.engine()) { port, engine in
            let client = APIClient(port: port)
            let spans = [MeteringFixtures.chatSpan(trace: 1, model: "gpt-4o", input: 100, output: 50),
                         MeteringFixtures.chatSpan(trace: 2, model: "gpt-4o", input: 100, output: 50)]
            #expect(try await client.post(OTLPFixtures.traceRequest(spans, resourceAttributes: [OTLPFixtures.string("genops.team", "ml")])).status == 200)
            let metrics = MeteringFixtures.request([MeteringFixtures.tokenUsage(model: "gpt-4o", input: 400, output: 200)])
            let posted = try await Self.postMetrics(metrics, port: port)
            #expect(posted.status == 200)

            for dimension in ["model", "team", "service", "provider"] {
                let rows = try await Self.groups(client, by: dimension)
                #expect(rows.count == 1, "\(dimension)")
                let row = try #require(rows.first)
                #expect(row["input_tokens"] as? Int == 200)
                #expect(row["metered_input_tokens"] as? Int == 400, "\(dimension)")
                #expect(row["metered_output_tokens"] as? Int == 200)
                #expect(row["coverage"] as? Double == 0.5)
                #expect(row["coverage_note"] as? String == "traces show 50% of metered tokens — sampled?")
                // Priced from the pricing table like a span's tokens, never added to the traced cost.
                let metered = try #require(row["metered_cost_usd"] as? Double)
                let traced = try #require(row["cost_usd"] as? Double)
                #expect(metered > 0)
                #expect(abs(metered - 2 * traced) < 1e-9)
            }
            #expect(engine.summary().inputTokensTotal == 200)
            #expect(engine.meteringSnapshot().coverage == 0.5)
        }
    }

    @Test func groupsSeenOnlyInMetricsAppearWithNullCoverageWhereNothingIsMetered() async throws {
        try await withServer(engine: Self.engine()) { port, _ in
            let client = APIClient(port: port)
            let spans = [MeteringFixtures.chatSpan(trace: 1, model: "gpt-4o", input: 10, output: 5)]
            #expect(try await client.post(OTLPFixtures.traceRequest(spans)).status == 200)
            let metrics = MeteringFixtures.request([MeteringFixtures.tokenUsage(model: "claude-3-5-sonnet", input: 30, output: 20)],
                                                   service: "batch", team: "research")
            let posted = try await Self.postMetrics(metrics, port: port)
            #expect(posted.status == 200)
            let rows = try await Self.groups(client, by: "model")
            #expect(rows.map { $0["key"] as? String } == ["gpt-4o", "claude-3-5-sonnet"])
            #expect(rows[0]["coverage"] is NSNull)
            #expect(rows[0]["coverage_note"] is NSNull)
            #expect(rows[1]["requests"] as? Int == 0)
            #expect(rows[1]["metered_input_tokens"] as? Int == 30)
            #expect(rows[1]["coverage"] as? Double == 0)
            let teams = try await Self.groups(client, by: "team")
            #expect(Set(teams.compactMap { $0["key"] as? String }) == [Dimension.unattributed, "research"])
        }
    }

    @Test func aReportedCostMetricIsTheMeteredCostAndTokensAreNotPricedAgain() async throws {
        try await withServer(engine: Self.engine()) { port, _ in
            let metrics = MeteringFixtures.request([MeteringFixtures.tokenUsage(model: "gpt-4o", input: 1_000, output: 1_000),
                                                    MeteringFixtures.cost(model: "gpt-4o", usd: 1.25)])
            let posted = try await Self.postMetrics(metrics, port: port)
            #expect(posted.status == 200)
            let row = try #require(try await Self.groups(APIClient(port: port), by: "model").first)
            #expect(row["metered_cost_usd"] as? Double == 1.25)
            #expect(row["metered_input_tokens"] as? Int == 1_000)
        }
    }

    @Test func cumulativeExportsCountEachTokenOnce() async throws {
        try await withServer(engine: Self.engine()) { port, engine in
            let start = MeteringFixtures.now + 1
            for (input, time) in [(100.0, start + 10), (250.0, start + 20), (250.0, start + 30)] {
                let metric = MeteringFixtures.tokenUsage(model: "gpt-4o", input: input, output: 0, temporality: .cumulative, start: start, time: time)
                let posted = try await Self.postMetrics(MeteringFixtures.request([metric]), port: port)
                #expect(posted.status == 200)
            }
            #expect(engine.meteringSnapshot().totals.inputTokens == 250)
            #expect(engine.summary().metricPointsReceived == 6)
        }
    }

    @Test func meteredBudgetsFollowMetricsAndTracedBudgetsFollowSpans() async throws {
        var metered = BudgetDefinition(name: "metered", scope: [.team: "ml"], limitUSD: 10, period: .daily)
        metered.source = .metered
        let traced = BudgetDefinition(name: "traced", scope: [.team: "ml"], limitUSD: 10, period: .daily)
        try await withServer(engine: Self.engine(budgets: [metered, traced])) { port, engine in
            let client = APIClient(port: port)
            let span = OTLPFixtures.span(trace: 1, id: 1, attributes: [
                OTLPFixtures.string("gen_ai.request.model", "gpt-4o"),
                OTLPFixtures.keyValue("genops.cost.total") { $0.doubleValue = 0.5 },
            ])
            #expect(try await client.post(OTLPFixtures.traceRequest([span], resourceAttributes: [OTLPFixtures.string("genops.team", "ml")])).status == 200)
            let posted = try await Self.postMetrics(MeteringFixtures.request([MeteringFixtures.cost(model: "gpt-4o", usd: 1.25)]), port: port)
            #expect(posted.status == 200)
            let budgets = try #require(try await client.get("/api/v1/budgets").json["budgets"] as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: budgets.map { ($0["name"] as? String ?? "", $0) })
            #expect(byName["metered"]?["consumed_usd"] as? Double == 1.25)
            #expect(byName["metered"]?["source"] as? String == "metered")
            #expect(byName["traced"]?["consumed_usd"] as? Double == 0.5)
            #expect(engine.summary().costUSDTotal == 0.5)
        }
    }
}
