import Foundation
import OTLPProto
import GovTopCore
import Testing

/// `GET /api/v1/conformance`, and the GenOps accounting columns of `/api/v1/groups` and reason codes
/// of `/api/v1/policies`, over HTTP against a real server.
@Suite struct APIConformanceTests {
    private static func event(_ name: String, _ attributes: [ProtoKeyValue]) -> Opentelemetry_Proto_Trace_V1_Span.Event {
        var event = Opentelemetry_Proto_Trace_V1_Span.Event()
        event.name = name
        event.timeUnixNano = 1_700_000_000_000_000_000
        event.attributes = attributes
        return event
    }

    private static func number(_ key: String, _ value: Double) -> ProtoKeyValue {
        OTLPFixtures.keyValue(key) { $0.doubleValue = value }
    }

    /// A compliant executed AWU; `breakAttribution` leaves out its team.
    private static func awu(trace: UInt64, reserved: Double, actual: Double, breakAttribution: Bool = false) -> ProtoSpan {
        var attributes = [
            OTLPFixtures.string("genops.spec.version", "0.1.0"),
            OTLPFixtures.string("genops.project", "bot"), OTLPFixtures.string("genops.environment", "production"),
            OTLPFixtures.string("genops.operation.name", "answer"), OTLPFixtures.string("genops.operation.type", "inference"),
            OTLPFixtures.string("genops.policy.name", "gate"), OTLPFixtures.string("genops.policy.result", "ALLOWED"),
            number("genops.accounting.reserved", reserved), number("genops.accounting.actual", actual),
            OTLPFixtures.string("genops.accounting.unit", "USD"),
        ]
        if !breakAttribution { attributes.append(OTLPFixtures.string("genops.team", "ml")) }
        var span = OTLPFixtures.span(trace: trace, id: trace, name: "awu", attributes: attributes)
        let unit = OTLPFixtures.string("genops.accounting.unit", "USD")
        span.events = [
            event("genops.policy.evaluated", [OTLPFixtures.string("genops.policy.result", "ALLOWED")]),
            event("genops.budget.reservation", [number("genops.accounting.reserved", reserved), unit]),
            event("genops.budget.reconciliation", [number("genops.accounting.actual", actual),
                                                   number("genops.accounting.reserved", reserved), unit]),
        ]
        return span
    }

    @Test func conformancePerServiceWithCountsAndExamples() async throws {
        try await withServer(engine: Engine()) { port, _ in
            let client = APIClient(port: port)
            _ = try await client.post(OTLPFixtures.traceRequest([Self.awu(trace: 1, reserved: 0.15, actual: 0.1),
                                                                 Self.awu(trace: 2, reserved: 0.15, actual: 0.2)], service: "good"))
            _ = try await client.post(OTLPFixtures.traceRequest([Self.awu(trace: 3, reserved: 1, actual: 1, breakAttribution: true),
                                                                 Self.awu(trace: 4, reserved: 1, actual: 1)], service: "bad"))
            _ = try await client.post(OTLPFixtures.traceRequest([OTLPFixtures.span(trace: 5, id: 5)], service: "plain"))
            let response = try await client.get("/api/v1/conformance")
            #expect(response.status == 200)
            let json = response.json
            #expect(json["spec_version"] as? String == "0.1.0")
            let services = try #require(json["services"] as? [[String: Any]])
            #expect(services.map { $0["service"] as? String } == ["bad", "good", "plain"])
            #expect(services.map { $0["level"] as? String } == ["none", "full", "not_genops"])
            #expect(services[0]["awus"] as? Int == 2)
            #expect(services[0]["violations"] as? [String: Int] == ["attribution.missing": 1])
            #expect(services[0]["examples"] as? [String: [String]] == ["attribution.missing": [Data(OTLPFixtures.traceID(3)).map { String(format: "%02x", $0) }.joined()]])
            #expect(services[1]["violations"] as? [String: Int] == [:])
            #expect(services[2]["awus"] as? Int == 0)
            let rules = try #require(json["rules"] as? [String: [String: Any]])
            #expect(rules["attribution.missing"]?["section"] as? String == "2.3")

            // Costs from genops.accounting.actual are exact: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
            let groups = try #require(try await client.get("/api/v1/groups?by=service").json["groups"] as? [[String: Any]])
            let good = try #require(groups.first { $0["key"] as? String == "good" })
            #expect(good["cost_usd"] as? Double == 0.3)
            let accounting = try #require(good["accounting"] as? [String: Any])
            #expect(accounting["reserved_usd"] as? Double == 0.3)
            #expect(accounting["reconciliation_delta_usd"] as? Double == 0)
            #expect(accounting["reconciled_usd"] as? Int == 2)
        }
    }

    @Test func policiesBreakViolationsDownByReasonCode() async throws {
        try await withServer(engine: Engine()) { port, _ in
            let client = APIClient(port: port)
            func decision(_ trace: UInt64, _ result: String, _ code: String) -> ProtoSpan {
                OTLPFixtures.span(trace: trace, id: trace, attributes: [
                    OTLPFixtures.string("genops.policy.name", "gate"), OTLPFixtures.string("genops.policy.result", result),
                    OTLPFixtures.string("genops.policy.reason_code", code),
                ])
            }
            _ = try await client.post(OTLPFixtures.traceRequest([decision(1, "BLOCKED", "BUDGET_EXCEEDED"),
                                                                 decision(2, "WARNING", "x_soft_quota")]))
            let policies = try #require(try await client.get("/api/v1/policies").json["policies"] as? [[String: Any]])
            #expect(policies.first?["by_reason_code"] as? [String: Int] == ["BUDGET_EXCEEDED": 1, "x_soft_quota": 1])
            #expect(policies.first?["by_result"] as? [String: Int] == ["blocked": 1, "warning": 1])
        }
    }
}
