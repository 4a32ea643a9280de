import Foundation
import GovTopCore
import Testing

/// Issue 9: costs that are negative, non-finite or absurd — as protobuf doubles, as OTLP/JSON string
/// forms, as strings — are counted as invalid and never reach a total, a rate, a budget or a
/// Prometheus counter, checked over HTTP against a real server. Issue 10: moves leave no `-0`.
@Suite struct HostileNumbersTests {
    private static let team = "ml"

    private static func span(trace: UInt64, id: UInt64 = 1, parent: UInt64? = nil, team: String? = HostileNumbersTests.team,
                             cost: ((inout ProtoAnyValue) -> Void)?) -> ProtoSpan {
        var attributes = [OTLPFixtures.string("gen_ai.request.model", "gpt-4o")]
        if let team { attributes.append(OTLPFixtures.string("genops.team", team)) }
        if let cost { attributes.append(OTLPFixtures.keyValue("genops.cost.total", cost)) }
        return OTLPFixtures.span(trace: trace, id: id, parent: parent, attributes: attributes)
    }

    /// The hostile costs as protobuf values: doubles, a negative integer and strings.
    private static let hostileCosts: [@Sendable (inout ProtoAnyValue) -> Void] = [
        { $0.doubleValue = 1e308 }, { $0.doubleValue = 1e308 }, { $0.doubleValue = -1e308 }, { $0.doubleValue = -1 },
        { $0.doubleValue = -1e6 }, { $0.doubleValue = -1e6 }, { $0.doubleValue = .nan }, { $0.doubleValue = .infinity },
        { $0.doubleValue = -.infinity }, { $0.doubleValue = 1_000_001 }, { $0.intValue = -5 }, { $0.stringValue = "NaN" },
        { $0.stringValue = "-1e6" },
    ]

    /// The OTLP/JSON string forms of non-finite doubles.
    private static let jsonBody = """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json"}}]},
          "scopeSpans":[{"spans":[
            \(["\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "-1e308"].enumerated().map { index, value in
                """
                {"traceId":"0102030405060708090a0b0c0d0e0f\(String(format: "%02x", index + 0x20))","spanId":"1112131415161718",
                 "name":"chat","startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000250000000",
                 "attributes":[{"key":"genops.team","value":{"stringValue":"ml"}},
                               {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},
                               {"key":"genops.cost.total","value":{"doubleValue":\(value)}}]}
                """
            }.joined(separator: ","))
          ]}]}]}
        """

    @Test func hostileCostsAreFlaggedAndNeverPoisonTotalsBudgetsOrCounters() async throws {
        let budget = BudgetDefinition(scope: [.team: Self.team], limitUSD: 1, period: .daily)
        // A fixed clock: the per-minute figures below must not depend on how long the test takes.
        let engine = Engine(configuration: EngineConfiguration(budgets: [budget]), clock: GovClock { 1_700_000_000_000_000_000 })
        try await withServer(engine: engine) { port, engine in
            let client = APIClient(port: port)
            // A real cost first: the budget is exceeded before anything hostile arrives.
            #expect(try await client.post(OTLPFixtures.traceRequest([Self.span(trace: 1, cost: { $0.doubleValue = 2.5 })])).status == 200)
            let hostile = Self.hostileCosts.enumerated().map { Self.span(trace: UInt64(100 + $0.offset), cost: $0.element) }
            #expect(try await client.post(OTLPFixtures.traceRequest(hostile)).status == 200)
            let json = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeJSON],
                                                        body: Array(Self.jsonBody.utf8))
            }
            #expect(json.status == 200)
            let rejected = Self.hostileCosts.count + 4

            let summaryResponse = try await client.get("/api/v1/summary")
            let summary = summaryResponse.json
            #expect(summary["spans_received"] as? Int == 1 + rejected)
            #expect(summary["requests_total"] as? Int == 1 + rejected)
            #expect(summary["cost_usd_total"] as? Double == 2.5)
            #expect(summary["cost_usd_per_minute"] as? Double == 2.5)
            #expect((summary["invalid_values"] as? [String: Int]) == ["genops.cost.total": rejected])

            let groupsResponse = try await client.get("/api/v1/groups?by=team")
            let groups = groupsResponse.json["groups"] as? [[String: Any]]
            #expect(groups?.count == 1)
            #expect(groups?.first?["cost_usd"] as? Double == 2.5)
            #expect(groups?.first?["cost_usd_per_minute"] as? Double == 2.5)

            let budgetsResponse = try await client.get("/api/v1/budgets")
            let status = (budgetsResponse.json["budgets"] as? [[String: Any]])?.first
            #expect(status?["consumed_usd"] as? Double == 2.5)
            #expect(status?["overage_usd"] as? Double == 1.5)
            #expect(status?["remaining_usd"] as? Double == 0)
            #expect(status?["status"] as? String == "exceeded")

            for response in [summaryResponse, groupsResponse, budgetsResponse] {
                #expect(response.status == 200)
                Self.expectNoNegativeOrMissingNumbers(response.text)
            }

            let metrics = try await client.get("/metrics").text
            let costSamples = metrics.split(separator: "\n").filter { $0.hasPrefix("genops_cost_total") }
            #expect(!costSamples.isEmpty)
            for line in metrics.split(separator: "\n") where !line.hasPrefix("#") {
                let value: Double = line.split(separator: " ").last.flatMap { Double($0) } ?? -1
                #expect(value.isFinite && value >= 0 && value.sign == .plus, "\(line)")
            }
            let costs: [Double] = costSamples.compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
            #expect(costs.reduce(0, +) == 2.5)
            #expect(!metrics.contains("NaN"))
        }
    }

    @Test func aRejectedValueIsMarkedOnItsSpanInTraceDetail() async throws {
        try await withServer { port, _ in
            let client = APIClient(port: port)
            _ = try await client.post(OTLPFixtures.traceRequest([
                Self.span(trace: 7, id: 1, cost: { $0.doubleValue = -1 }),
                Self.span(trace: 7, id: 2, parent: 1, cost: { $0.doubleValue = 0.5 }),
            ]))
            let trace = String(OTLPFixtures.traceID(7).map { String(format: "%02x", $0) }.joined())
            let spans = try await client.get("/api/v1/traces/" + trace).json["spans"] as? [[String: Any]]
            let byID = Dictionary(uniqueKeysWithValues: (spans ?? []).map { ($0["span_id"] as? String ?? "", $0) })
            #expect(byID["0000000000000001"]?["invalid_values"] as? [String] == ["genops.cost.total"])
            #expect(byID["0000000000000001"]?["cost_usd"] as? Double == 0)
            #expect(byID["0000000000000002"]?["invalid_values"] as? [String] == [])
            #expect(byID["0000000000000002"]?["cost_usd"] as? Double == 0.5)
        }
    }

    /// Children arrive before the parent that names their team: their spend moves out of
    /// `(unattributed)`, which must then read exactly 0 (not `-1.08e-19`) and never `-0`.
    @Test func movedSpendLeavesUnattributedAtExactlyZero() async throws {
        try await withServer { port, _ in
            let client = APIClient(port: port)
            let costs = [0.1, 0.2, 0.7, 0.3, 0.000_000_123, 1.1]
            let children = costs.enumerated().map { index, cost in
                Self.span(trace: 9, id: UInt64(index + 2), parent: 1, team: nil, cost: { $0.doubleValue = cost })
            }
            _ = try await client.post(OTLPFixtures.traceRequest(children))
            _ = try await client.post(OTLPFixtures.traceRequest([Self.span(trace: 9, id: 1, team: "ml", cost: nil)]))
            let response = try await client.get("/api/v1/groups?by=team")
            let groups = response.json["groups"] as? [[String: Any]] ?? []
            let unattributed = groups.first { $0["key"] as? String == "(unattributed)" }
            #expect(unattributed?["cost_usd"] as? Double == 0)
            #expect(unattributed?["cost_usd_per_minute"] as? Double == 0)
            #expect(groups.first { $0["key"] as? String == "ml" }?["cost_usd"] as? Double == 2.400000123)
            Self.expectNoNegativeOrMissingNumbers(response.text)
            #expect(!response.text.contains("e-1") && !response.text.contains("e-2"), "no rounding residue")
        }
    }

    /// No negative number (so no `-0` either) and no `null` in an amount's place.
    private static func expectNoNegativeOrMissingNumbers(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(text.range(of: #"[:\[,]\s*-"#, options: .regularExpression) == nil, "negative number in \(text)",
                sourceLocation: sourceLocation)
        #expect(text.range(of: #"_usd[a-z_]*"\s*:\s*null"#, options: .regularExpression) == nil,
                "amount is null in \(text)", sourceLocation: sourceLocation)
    }
}
