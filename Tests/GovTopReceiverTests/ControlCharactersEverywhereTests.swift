import Foundation
import GovTopCore
import GovTopReceiver
import Testing

/// Names sent by a hostile client carry terminal control sequences (ESC, BEL, NUL, CR, a window
/// title, an OSC 52 clipboard write, a C1 CSI): no output — /metrics or any JSON endpoint — may
/// carry one of them as a raw character.
@Suite struct ControlCharactersEverywhereTests {
    static let hostile = [
        "team\u{1B}]0;pwned\u{07}",            // window title
        "model\u{1B}]52;c;ZWNobyBoaQ==\u{07}",   // OSC 52 clipboard write
        "nul\u{0}cr\r\u{1B}[2Jclear",
        "c1\u{9B}31mred\u{7F}",
    ]

    @Test func noOutputCarriesAControlCharacter() async throws {
        let engine = Engine(configuration: EngineConfiguration(
            budgets: [BudgetDefinition(scope: [.team: Self.hostile[0]], limitUSD: 0.01, period: .daily)]))
        let span = OTLPFixtures.span(trace: 9, id: 9, name: "chat\u{1B}[31m", attributes: [
            OTLPFixtures.string("genops.team", Self.hostile[0]),
            OTLPFixtures.string("gen_ai.request.model", Self.hostile[1]),
            OTLPFixtures.string("genops.project", Self.hostile[2]),
            OTLPFixtures.string("genops.customer_id", Self.hostile[3]),
            OTLPFixtures.string("genops.feature", Self.hostile[3]),
            OTLPFixtures.string("genops.policy.name", Self.hostile[2]),
            OTLPFixtures.string("genops.policy.result", "blocked"),
            OTLPFixtures.string("gen_ai.evaluation.name", Self.hostile[1]),
            OTLPFixtures.keyValue("gen_ai.evaluation.score.value") { $0.doubleValue = 0.1 },
            OTLPFixtures.keyValue("genops.cost.total") { $0.doubleValue = 0.5 },
            OTLPFixtures.keyValue("gen_ai.usage.input_tokens") { $0.intValue = 10 },
        ])
        try await withServer(engine: engine) { port, engine in
            let client = APIClient(port: port)
            let request = OTLPFixtures.traceRequest([span], service: "svc\u{1B}[1m\u{07}",
                                                    resourceAttributes: [OTLPFixtures.string("deployment.environment", Self.hostile[2])])
            #expect(try await client.post(request).status == 200)
            engine.tick()
            let traceID = "0102030405060708" + "0000000000000009"
            var paths = ["/metrics", "/healthz", "/api/v1/summary", "/api/v1/traces", "/api/v1/traces/\(traceID)",
                         "/api/v1/budgets", "/api/v1/alerts", "/api/v1/policies"]
            paths += Dimension.allCases.map { "/api/v1/groups?by=\($0.rawValue)" }
            for path in paths {
                let response = try await client.get(path)
                #expect(response.status == 200, "\(path)")
                let offending = response.text.unicodeScalars.filter { $0 != "\n" && ControlCharacters.isControl($0) }
                #expect(offending.isEmpty, "\(path) carries \(offending.map { String($0.value, radix: 16) })")
                #expect(!response.body.contains(0x1B), "\(path) carries a raw ESC byte")
            }
            // The names are still there, with their control characters neutralized.
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("team\u{FFFD}]0;pwned\u{FFFD}"))
            let groups = try await client.get("/api/v1/groups?by=team").text
            #expect(groups.contains("team\u{FFFD}]0;pwned\u{FFFD}"))
            #expect(!groups.contains("\\u00"))
        }
    }
}
