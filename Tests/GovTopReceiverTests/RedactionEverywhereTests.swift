import Foundation
import GovTopCore
import GovTopReceiver
import Testing

/// A `redact` rule masks the matched text before anything can see it: the clear text appears in no
/// API response and not in /metrics.
@Suite struct RedactionEverywhereTests {
    @Test func matchedTextAppearsNowhereAfterwards() async throws {
        let secret = "SSN 123-45-6789"
        let engine = Engine(configuration: EngineConfiguration(policies: [
            PolicyRule(name: "pii-detection", check: .pattern(".*SSN.*|.*credit_card.*", keys: nil), action: .redact),
        ]))
        var span = OTLPFixtures.span(trace: 7, id: 7, name: "chat", attributes: [
            OTLPFixtures.string("genops.team", "ml"),
            OTLPFixtures.string("gen_ai.request.model", "gpt-4o"),
            OTLPFixtures.string("gen_ai.prompt", "my \(secret), please"),
            OTLPFixtures.keyValue("genops.cost.total") { $0.doubleValue = 0.25 },
        ])
        var event = ProtoSpan.Event()
        event.name = "gen_ai.user.message"
        event.attributes = [OTLPFixtures.string("content", "again: \(secret)")]
        span.events = [event]
        try await withServer(engine: engine) { port, engine in
            let client = APIClient(port: port)
            #expect(try await client.post(OTLPFixtures.traceRequest([span])).status == 200)
            let traceID = "0102030405060708" + "0000000000000007"
            var bodies: [String] = []
            for path in ["/api/v1/summary", "/api/v1/traces", "/api/v1/traces/\(traceID)", "/api/v1/groups?by=team",
                         "/api/v1/budgets", "/api/v1/alerts", "/api/v1/policies", "/metrics"] {
                let response = try await client.get(path)
                #expect(response.status == 200, "\(path)")
                bodies.append(response.text)
            }
            for body in bodies { #expect(!body.contains("123-45-6789")) }
            #expect(bodies[2].contains("[REDACTED:pii-detection]"))
            let id = try #require(TraceID(hex: traceID))
            let stored = try #require(engine.trace(id))
            let everything = stored.spans.map { String(describing: $0.record) }.joined()
            #expect(!everything.contains("123-45-6789"))
            #expect(engine.summary().policyViolationsTotal == 1)
            #expect(engine.policiesSnapshot().policies.policies.first { $0.name == "pii-detection" }?.violations == 1)
        }
    }

    /// Protobuf bodies are screened as a whole (strings are verbatim in them); JSON strings may be
    /// escaped, so a JSON body is never taken for clean: `\u0053SN` is still "SSN" and still masked.
    @Test func escapedTextInAJSONBodyIsStillFoundAndMasked() async throws {
        let engine = Engine(configuration: EngineConfiguration(policies: [
            PolicyRule(name: "pii-detection", check: .pattern(".*SSN.*", keys: nil), action: .redact),
        ]))
        let body = Array(#"""
        {"resourceSpans":[{"scopeSpans":[{"spans":[
          {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"1112131415161718","name":"chat",
           "attributes":[{"key":"gen_ai.prompt","value":{"stringValue":"my \u0053SN 123-45-6789"}}]}]}]}]}
        """#.utf8)
        try await withServer(engine: engine) { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeJSON], body: body)
            }
            #expect(response.status == 200)
            let id = try #require(TraceID(hex: "0102030405060708090a0b0c0d0e0f10"))
            let prompt = try #require(engine.trace(id)?.spans.first?.record.attributes.first?.value.string)
            #expect(prompt == "[REDACTED:pii-detection]")
            #expect(engine.summary().policyViolationsTotal == 1)
        }
    }

    /// A receiver that accepts values nested deeper than the pattern scanner looks screens every
    /// span: such a value is masked whole by a redact rule whatever it holds, which no literal in
    /// the body can tell.
    @Test func valuesNestedDeeperThanTheScannerLooksAreMaskedWithALargerDecodeDepth() async throws {
        let engine = Engine(configuration: EngineConfiguration(policies: [
            PolicyRule(name: "pii-detection", check: .pattern("SSN", keys: nil), action: .redact),
        ]))
        var value = ProtoAnyValue()
        value.stringValue = "secret"
        for _ in 0...(PolicyEvaluator.maxValueDepth + 1) {
            var outer = ProtoAnyValue()
            outer.arrayValue.values = [value]
            value = outer
        }
        let nested = value
        let span = OTLPFixtures.span(trace: 11, id: 11, name: "chat", attributes: [OTLPFixtures.keyValue("deep") { $0 = nested }])
        var configuration = ReceiverConfiguration.forTests()
        configuration.decodeLimits = DecodeLimits(maxValueDepth: PolicyEvaluator.maxValueDepth + 8)
        try await withServer(configuration, engine: engine) { port, engine in
            #expect(try await APIClient(port: port).post(OTLPFixtures.traceRequest([span])).status == 200)
            let id = try #require(TraceID(hex: "0102030405060708" + "000000000000000b"))
            let stored = try #require(engine.trace(id)?.spans.first?.record)
            #expect(!String(describing: stored).contains("secret"))
            #expect(String(describing: stored).contains("[REDACTED:pii-detection]"))
        }
    }

    /// A literal that occurs in the protobuf body only outside any scanned string (here in an
    /// attribute key) makes the screen look at the spans, which then find nothing to mask.
    @Test func aLiteralOnlyInAKeyMasksNothing() async throws {
        let engine = Engine(configuration: EngineConfiguration(policies: [
            PolicyRule(name: "pii-detection", check: .pattern(".*SSN.*", keys: nil), action: .redact),
        ]))
        let span = OTLPFixtures.span(trace: 9, id: 9, name: "chat", attributes: [OTLPFixtures.string("app.SSN_lookup", "disabled")])
        try await withServer(engine: engine) { port, engine in
            #expect(try await APIClient(port: port).post(OTLPFixtures.traceRequest([span])).status == 200)
            let id = try #require(TraceID(hex: "0102030405060708" + "0000000000000009"))
            #expect(engine.trace(id)?.spans.first?.record.attributes.first?.value.string == "disabled")
            #expect(engine.summary().policyViolationsTotal == 0)
        }
    }
}
