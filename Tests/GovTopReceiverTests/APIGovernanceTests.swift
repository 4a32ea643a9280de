import Foundation
import GovTopCore
import Testing

/// Groups, budgets, alerts (with ack) and policies over HTTP against a real server.
@Suite struct APIGovernanceTests {
    private static func llm(trace: UInt64, team: String, cost: Double, extra: [ProtoKeyValue] = []) -> ProtoSpan {
        OTLPFixtures.span(trace: trace, id: trace, name: "chat", attributes: [
            OTLPFixtures.string("genops.team", team),
            OTLPFixtures.string("gen_ai.request.model", "gpt-4o"),
            OTLPFixtures.keyValue("gen_ai.usage.input_tokens") { $0.intValue = 100 },
            OTLPFixtures.keyValue("gen_ai.usage.output_tokens") { $0.intValue = 10 },
            OTLPFixtures.keyValue("genops.cost.total") { $0.doubleValue = cost },
        ] + extra)
    }

    private static let blocked = [OTLPFixtures.string("genops.policy.name", "pii-filter"),
                                  OTLPFixtures.string("genops.policy.result", "blocked"),
                                  OTLPFixtures.string("genops.policy.violation_type", "pii-detected")]

    private func engine() -> Engine {
        Engine(configuration: EngineConfiguration(budgets: [BudgetDefinition(scope: [.team: "ml"], limitUSD: 2, period: .daily)]))
    }

    @Test func groupsByEveryDimensionAndRejectsUnknownOnes() async throws {
        try await withServer(engine: engine()) { port, _ in
            let client = APIClient(port: port)
            _ = try await client.post(OTLPFixtures.traceRequest([Self.llm(trace: 1, team: "ml", cost: 1.5), Self.llm(trace: 2, team: "web", cost: 0.5)]))
            let teams = try await client.get("/api/v1/groups?by=team").json
            let groups = teams["groups"] as? [[String: Any]]
            #expect(groups?.map { $0["key"] as? String } == ["ml", "web"])
            #expect(groups?.first?["cost_usd"] as? Double == 1.5)
            #expect(groups?.first?["requests"] as? Int == 1)
            #expect(groups?.first?["input_tokens"] as? Int == 100)
            #expect(groups?.first?["cost_usd_per_minute"] as? Double == 1.5)
            let expectedKeys: Set = ["key", "requests", "input_tokens", "output_tokens", "cost_usd", "cost_usd_reported",
                                     "cost_usd_estimated", "unpriced_requests", "errors", "policy_violations", "eval_failures",
                                     "cost_usd_per_minute", "rates", "metered_input_tokens", "metered_output_tokens",
                                     "metered_cost_usd", "metered_unpriced_tokens", "coverage", "coverage_note",
                                     "sla_checks", "sla_violations", "sla_miss_rate", "accounting"]
            #expect(groups?.first.map { Set($0.keys) } == expectedKeys)
            #expect(groups?.first?["coverage"] is NSNull)
            // Per-minute averages over each window: 1.5 USD and 110 tokens in one request.
            let rates = groups?.first?["rates"] as? [String: [String: Double]]
            #expect(rates?["1m"] == ["cost_usd_per_minute": 1.5, "tokens_per_minute": 110, "requests_per_minute": 1])
            #expect(rates?["5m"] == ["cost_usd_per_minute": 0.3, "tokens_per_minute": 22, "requests_per_minute": 0.2])
            #expect(rates?["1h"] == ["cost_usd_per_minute": 0.025, "tokens_per_minute": 110.0 / 60, "requests_per_minute": 1.0 / 60])
            for dimension in Dimension.allCases {
                #expect(try await client.get("/api/v1/groups?by=\(dimension.rawValue)").status == 200)
            }
            #expect((try await client.get("/api/v1/groups").json["by"] as? String) == "team")
            let bad = try await client.get("/api/v1/groups?by=planet")
            #expect(bad.status == 400)
            #expect((bad.json["error"] as? String)?.contains("by must be one of team, project") == true)
        }
    }

    @Test func budgetsShowConsumptionAndStatus() async throws {
        try await withServer(engine: engine()) { port, _ in
            let client = APIClient(port: port)
            _ = try await client.post(OTLPFixtures.traceRequest([Self.llm(trace: 1, team: "ml", cost: 1.7)]))
            let budget = (try await client.get("/api/v1/budgets").json["budgets"] as? [[String: Any]])?.first
            #expect(budget?["name"] as? String == "team:ml")
            #expect((budget?["scope"] as? [String: String]) == ["team": "ml"])
            #expect(budget?["source"] as? String == "config")
            #expect(budget?["limit_usd"] as? Double == 2)
            #expect(budget?["period"] as? String == "daily")
            #expect(budget?["consumed_usd"] as? Double == 1.7)
            #expect(abs((budget?["remaining_usd"] as? Double ?? 0) - 0.3) < 1e-9)
            #expect(abs((budget?["utilization"] as? Double ?? 0) - 0.85) < 1e-9)
            #expect(budget?["status"] as? String == "warning")
            #expect((budget?["resets_at"] as? String)?.hasSuffix("T00:00:00.000000000Z") == true)
            #expect(budget?.keys.contains("burn_usd_per_hour") == true)
            #expect(budget?.keys.contains("projected_exhaustion") == true)
        }
    }

    @Test func alertsAreListedAndAcknowledged() async throws {
        try await withServer(engine: engine()) { port, engine in
            let client = APIClient(port: port)
            _ = try await client.post(OTLPFixtures.traceRequest([Self.llm(trace: 1, team: "ml", cost: 0.1, extra: Self.blocked)]))
            let listed = try await client.get("/api/v1/alerts").json
            let alert = (listed["alerts"] as? [[String: Any]])?.first
            #expect(alert?["kind"] as? String == "policy_violation")
            #expect(alert?["state"] as? String == "active")
            #expect(alert?["acknowledged"] as? Bool == false)
            #expect((listed["active"] as? [String: Int])?.values.reduce(0, +) == 1)
            let id = try #require(alert?["id"] as? String)
            let acked = try await blocking { try HTTPTestClient(port: port).exchange("POST", "/api/v1/alerts/\(id)/ack", headers: [], body: []) }
            #expect(acked.status == 200)
            #expect(acked.json["acknowledged"] as? Bool == true)
            #expect(engine.alerts().first?.acknowledged == true)
            let unknown = try await blocking { try HTTPTestClient(port: port).exchange("POST", "/api/v1/alerts/a999/ack", headers: [], body: []) }
            #expect(unknown.status == 404)
            #expect(try await client.get("/api/v1/alerts/\(id)/ack").status == 405)
        }
    }

    @Test func policiesCountViolationsByResultAndTeam() async throws {
        try await withServer(engine: engine()) { port, _ in
            let client = APIClient(port: port)
            _ = try await client.post(OTLPFixtures.traceRequest([
                Self.llm(trace: 1, team: "ml", cost: 0.1, extra: Self.blocked),
                Self.llm(trace: 2, team: "web", cost: 0.1, extra: Self.blocked),
            ]))
            let json = try await client.get("/api/v1/policies").json
            #expect(json["violations_total"] as? Int == 2)
            let policy = (json["policies"] as? [[String: Any]])?.first
            #expect(policy?["name"] as? String == "pii-filter")
            #expect(policy?["violations"] as? Int == 2)
            #expect((policy?["by_result"] as? [String: Int]) == ["blocked": 2])
            #expect((policy?["by_team"] as? [String: Int]) == ["ml": 1, "web": 1])
            #expect((policy?["by_violation_type"] as? [String: Int]) == ["pii-detected": 2])
        }
    }
}
