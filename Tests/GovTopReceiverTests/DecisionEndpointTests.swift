import Foundation
import GovTopCore
@testable import GovTopReceiver
import Synchronization
import Testing

/// decide (issue 15): `GET /api/v1/decision` against a real listening server, on an injected clock.
@Suite struct DecisionEndpointTests {
    /// A clock the test moves by hand.
    final class Clock: Sendable {
        private let nanos = Mutex<UInt64>(1_800_000_000 * 1_000_000_000)
        func advance(seconds: Double) { nanos.withLock { $0 += UInt64(seconds * 1e9) } }
        var clock: GovClock { GovClock { self.nanos.withLock { $0 } } }
    }

    private static func call(team: String, cost: Double, trace: UInt64) -> ProtoTraceRequest {
        OTLPFixtures.traceRequest([OTLPFixtures.span(trace: trace, id: trace, name: "chat", attributes: [
            OTLPFixtures.string("genops.team", team),
            OTLPFixtures.string("gen_ai.request.model", "gpt-4o"),
            OTLPFixtures.keyValue("genops.cost.total") { $0.doubleValue = cost },
        ])])
    }

    private static func engine(_ budgets: [BudgetDefinition], clock: Clock) -> Engine {
        Engine(configuration: EngineConfiguration(budgets: budgets), clock: clock.clock)
    }

    private static let mlBlock = BudgetDefinition(scope: [.team: "ml-platform"], limitUSD: 0.02, period: .rolling(seconds: 10), action: .block)

    private static func ask(_ port: Int, _ path: String = "/api/v1/decision", method: String = "GET",
                            headers: [(String, String)] = []) async throws -> TestResponse {
        try await blocking { try HTTPTestClient(port: port).exchange(method, path, headers: headers) }
    }

    @Test func allowsWhenNoBudgetRefuses() async throws {
        try await withServer(engine: Self.engine([Self.mlBlock], clock: Clock())) { port, _ in
            let response = try await Self.ask(port, "/api/v1/decision?team=ml-platform")
            #expect(response.status == 200)
            #expect(response.json["decision"] as? String == "allow")
            #expect((response.json["warnings"] as? [Any])?.isEmpty == true)
            #expect(response.header("Retry-After") == nil)
            #expect(response.header("X-Govtop-Budget-Warning") == nil)
        }
    }

    /// The scenario on an injected clock: served until the block budget is used up, then
    /// 429 with Retry-After; another team still served; served again after the window.
    @Test func refusesAnExhaustedBlockBudgetUntilItsWindowRolls() async throws {
        let clock = Clock()
        try await withServer(engine: Self.engine([Self.mlBlock], clock: clock)) { port, _ in
            let client = APIClient(port: port)
            let team = [("X-GenOps-Team", "ml-platform")]
            #expect(try await client.post(Self.call(team: "ml-platform", cost: 0.015, trace: 1)).status == 200)
            #expect(try await Self.ask(port, headers: team).status == 200)
            #expect(try await client.post(Self.call(team: "ml-platform", cost: 0.015, trace: 2)).status == 200)
            let denied = try await Self.ask(port, headers: team)
            #expect(denied.status == 429)
            #expect(["10", "11"].contains(denied.header("Retry-After") ?? ""))
            #expect(denied.header("X-Govtop-Budget") == "team:ml-platform")
            #expect(denied.json["decision"] as? String == "deny")
            #expect(denied.json["budget"] as? String == "team:ml-platform")
            #expect(denied.json["limit_usd"] as? Double == 0.02)
            #expect(denied.json["consumed_usd"] as? Double == 0.03)
            #expect((denied.json["resets_at"] as? String)?.hasPrefix("2027-01-15T08:00:1") == true)
            #expect((denied.json["reason"] as? String)?.contains("0.03 of its 0.02 USD limit") == true)
            #expect(Set(denied.json.keys) == ["decision", "budget", "limit_usd", "consumed_usd", "resets_at", "retry_after_seconds",
                                              "reason", "warnings"])
            // Another team, and a query parameter that names one, are served.
            #expect(try await Self.ask(port, headers: [("X-GenOps-Team", "search")]).status == 200)
            #expect(try await Self.ask(port, "/api/v1/decision?team=search", headers: team).status == 200)
            #expect(try await Self.ask(port, "/api/v1/decision?team=ml-platform").status == 429)
            clock.advance(seconds: 11)
            #expect(try await Self.ask(port, headers: team).status == 200)
        }
    }

    /// Gateways ask with the original method and (Envoy ext_authz) the original path appended.
    @Test(arguments: ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"])
    func answersAnyMethodAndPathsBelowIt(_ method: String) async throws {
        let clock = Clock()
        try await withServer(engine: Self.engine([Self.mlBlock], clock: clock)) { port, _ in
            _ = try await APIClient(port: port).post(Self.call(team: "ml-platform", cost: 1, trace: 1))
            let response = try await blocking {
                let connection = try HTTPTestClient(port: port)
                try connection.send(method, "/api/v1/decision/v1/chat/completions?stream=true", headers: [("X-GenOps-Team", "ml-platform")])
                return try connection.readResponse(bodyExpected: method != "HEAD")
            }
            #expect(response.status == 429)
            #expect(response.header("Retry-After") != nil)
        }
    }

    @Test func headerNamesAndTheDenyStatusAreConfigurable() async throws {
        var configuration = ReceiverConfiguration.forTests()
        configuration.decision = DecisionSettings(headers: [.team: "X-Team", .environment: "X-Env"], denyStatus: 403)
        let budget = BudgetDefinition(scope: [.team: "ml"], limitUSD: 0.01, period: .daily, action: .block)
        try await withServer(configuration, engine: Self.engine([budget], clock: Clock())) { port, _ in
            _ = try await APIClient(port: port).post(Self.call(team: "ml", cost: 1, trace: 1))
            #expect(try await Self.ask(port, headers: [("X-Team", "ml")]).status == 403)
            #expect(try await Self.ask(port, headers: [("x-team", "ml"), ("X-Env", "prod")]).status == 403)
            #expect(try await Self.ask(port, headers: [("X-GenOps-Team", "ml")]).status == 200)
        }
    }

    @Test func aSoftBudgetPastAThresholdAddsAWarningHeader() async throws {
        let soft = BudgetDefinition(scope: [.team: "support"], limitUSD: 1, period: .rolling(seconds: 86_400), thresholds: [0.8, 0.95],
                                    action: .alert)
        try await withServer(engine: Self.engine([soft], clock: Clock())) { port, _ in
            _ = try await APIClient(port: port).post(Self.call(team: "support", cost: 0.85, trace: 1))
            let response = try await Self.ask(port, headers: [("X-GenOps-Team", "support")])
            #expect(response.status == 200)
            #expect(response.header("X-Govtop-Budget-Warning") == "name=team:support; utilization=0.85; threshold=0.8")
            let warning = (response.json["warnings"] as? [[String: Any]])?.first
            #expect(warning?["budget"] as? String == "team:support")
            #expect(warning?["action"] as? String == "alert")
            // Past the limit a soft budget still allows.
            _ = try await APIClient(port: port).post(Self.call(team: "support", cost: 1, trace: 2))
            let over = try await Self.ask(port, headers: [("X-GenOps-Team", "support")])
            #expect(over.status == 200)
            #expect(over.header("X-Govtop-Budget-Warning")?.contains("threshold=0.95") == true)
        }
    }

    /// Header and query values are hostile: bounded, control characters refused, a header sent
    /// twice with different values refused; each answer says which and nothing is echoed raw.
    @Test(arguments: [
        // DEL is refused by the HTTP parser itself, before routing.
        ("/api/v1/decision", [("X-GenOps-Team", "ml\u{7F}")], ""),
        ("/api/v1/decision", [("X-GenOps-Team", "ml\u{85}x")], "header X-GenOps-Team holds a control character"),
        ("/api/v1/decision", [("X-GenOps-Team", "ml\tx")], "header X-GenOps-Team holds a control character"),
        ("/api/v1/decision", [("X-GenOps-Project", String(repeating: "p", count: 257))], "header X-GenOps-Project is 257 bytes long"),
        ("/api/v1/decision", [("X-GenOps-Team", "a"), ("X-GenOps-Team", "b")], "header X-GenOps-Team was sent 2 times"),
        ("/api/v1/decision?team=ml%00", [], "query parameter team holds a control character"),
        ("/api/v1/decision?team=ml%1B%5B31m", [], "query parameter team holds a control character"),
        ("/api/v1/decision?model=" + String(repeating: "m", count: 300), [], "query parameter model is 300 bytes long"),
        ("/api/v1/decision?team=%ZZ", [], "malformed percent escape"),
    ])
    func hostileValuesAreRefused(_ path: String, _ headers: [(String, String)], _ message: String) async throws {
        try await withServer(engine: Self.engine([Self.mlBlock], clock: Clock())) { port, _ in
            let response = try await Self.ask(port, path, headers: headers)
            #expect(response.status == 400)
            #expect(message.isEmpty || (response.json["error"] as? String)?.contains(message) == true)
            #expect(!response.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    @Test func theSameHeaderTwiceWithTheSameValueIsOneValue() async throws {
        try await withServer(engine: Self.engine([Self.mlBlock], clock: Clock())) { port, _ in
            let response = try await Self.ask(port, headers: [("X-GenOps-Team", "a"), ("X-GenOps-Team", "a")])
            #expect(response.status == 200)
        }
    }

    /// Many decisions on one keep-alive connection, each answered (no worker pool hop needed).
    @Test func manyDecisionsOnOneConnection() async throws {
        try await withServer(engine: Self.engine([Self.mlBlock], clock: Clock())) { port, _ in
            let statuses = try await blocking {
                let connection = try HTTPTestClient(port: port)
                return try (0..<200).map { index in
                    try connection.exchange("GET", "/api/v1/decision?team=t\(index)").status
                }
            }
            #expect(statuses == Array(repeating: 200, count: 200))
        }
    }
}
