import Testing
@testable import GovTopCore

@Suite struct PolicyRedactionTests {
    static let seedRule = PolicyRule(name: "pii-detection", check: .pattern(".*SSN.*|.*credit_card.*", keys: nil), action: .redact)
    static let secret = "123-45-6789"
    static let mask = "[REDACTED:pii-detection]"

    private func evaluator(_ rules: PolicyRule...) throws -> PolicyEvaluator { try PolicyEvaluator(rules: rules) }

    private func span(attributes: [Attribute] = [], events: [SpanEvent] = [], links: [SpanLink] = [],
                      name: String = "chat gpt-4o", statusMessage: String = "") -> SpanRecord {
        var span = SpanFactory.span(trace: 1, id: 2, name: name, attributes: attributes, events: events)
        span.links = links
        span.statusMessage = statusMessage
        return span
    }

    @Test func seedRuleMasksThePromptAndTheEventAndKeepsNoClearText() throws {
        let original = span(
            attributes: [
                Attribute("gen_ai.request.model", .string("gpt-4o")),
                Attribute("gen_ai.prompt", .string("Please file this. SSN \(Self.secret), thanks")),
                Attribute("gen_ai.usage.input_tokens", .int(42)),
                Attribute("messages", .array([.string("hello"), .kvlist([Attribute("content", .string("my SSN \(Self.secret)"))])])),
            ],
            events: [SpanEvent(timeUnixNano: 5, name: "gen_ai.user.message",
                               attributes: [Attribute("content", .string("SSN \(Self.secret)")), Attribute("role", .string("user"))])],
            links: [SpanLink(traceID: SpanFactory.traceID(9), spanID: SpanID(3), attributes: [Attribute("note", .string("credit_card 4111"))])]
        )
        let result = try evaluator(Self.seedRule).scan(original)
        let redacted = try #require(result.redactedSpan)

        let strings = SpanStrings.all(in: redacted)
        #expect(!strings.contains { $0.contains(Self.secret) || $0.contains("SSN") || $0.contains("4111") })
        #expect(redacted.attributes[key: "gen_ai.prompt"] == .string(Self.mask))
        #expect(redacted.events[0].attributes[key: "content"] == .string(Self.mask))
        #expect(redacted.links[0].attributes[key: "note"] == .string(Self.mask))
        #expect(redacted.attributes[key: "messages"] == .array([.string("hello"), .kvlist([Attribute("content", .string(Self.mask))])]))
        #expect(redacted.attributes[key: "gen_ai.request.model"] == .string("gpt-4o"))
        #expect(redacted.events[0].attributes[key: "role"] == .string("user"))
        #expect(redacted.name == original.name)

        #expect(result.violations == [LocalViolation(
            rule: "pii-detection", action: .redact, severity: .warning,
            finding: .pattern(sites: [.attribute(key: "gen_ai.prompt"), .attribute(key: "messages"),
                                      .eventAttribute(index: 0, key: "content"), .linkAttribute(index: 0, key: "note")], sample: nil)
        )])
    }

    /// `.` matches line breaks, so a multi-line value is masked whole.
    @Test func multiLineValueIsMaskedWhole() throws {
        let result = try evaluator(Self.seedRule).scan(span(attributes: [Attribute("gen_ai.prompt", .string("line one\nSSN:\n\(Self.secret)\nend"))]))
        #expect(result.redactedSpan?.attributes[key: "gen_ai.prompt"] == .string(Self.mask))
    }

    @Test func onlyTheMatchedTextIsMasked() throws {
        let rule = PolicyRule(name: "ssn", check: .pattern(#"\d{3}-\d{2}-\d{4}"#, keys: nil), action: .redact)
        let result = try evaluator(rule).scan(span(attributes: [Attribute("q", .string("call 123-45-6789 or 987-65-4321 now"))]))
        #expect(result.redactedSpan?.attributes[key: "q"] == .string("call [REDACTED:ssn] or [REDACTED:ssn] now"))
    }

    /// Two redact rules whose matches overlap mask the union, so neither leaves a piece of the other's match.
    @Test func overlappingRedactRulesMaskTheUnion() throws {
        let prefix = PolicyRule(name: "a", check: .pattern(#"SSN \d{3}"#, keys: nil), action: .redact)
        let number = PolicyRule(name: "b", check: .pattern(#"\d{3}-\d{2}-\d{4}"#, keys: nil), action: .redact)
        let result = try evaluator(prefix, number).scan(span(attributes: [Attribute("q", .string("x SSN 123-45-6789 y"))]))
        #expect(result.redactedSpan?.attributes[key: "q"] == .string("x [REDACTED:a] y"))
        #expect(result.violations.map(\.rule) == ["a", "b"])
    }

    @Test func spanNameStatusMessageAndEventNameAreMasked() throws {
        let result = try evaluator(Self.seedRule).scan(span(
            events: [SpanEvent(timeUnixNano: 1, name: "SSN lookup")], name: "lookup SSN", statusMessage: "failed for SSN \(Self.secret)"))
        let redacted = try #require(result.redactedSpan)
        #expect(redacted.name == Self.mask)
        #expect(redacted.statusMessage == Self.mask)
        #expect(redacted.events[0].name == Self.mask)
        #expect(result.violations.first?.finding == .pattern(sites: [.spanName, .statusMessage, .eventName(index: 0)], sample: nil))
    }

    /// A pattern with no literal to screen for (inline flags) runs the regex on every value.
    @Test func patternWithoutScreenableLiteralStillMatches() throws {
        let rule = PolicyRule(name: "ssn-any-case", check: .pattern("(?i)ssn:? *[0-9-]+", keys: nil), action: .redact)
        let result = try evaluator(rule).scan(span(attributes: [Attribute("q", .string("my Ssn: 123-45-6789."))]))
        #expect(result.redactedSpan?.attributes[key: "q"] == .string("my [REDACTED:ssn-any-case]."))
    }

    @Test func keyRestrictedPatternLooksOnlyAtThoseKeys() throws {
        let rule = PolicyRule(name: "prompt-pii", check: .pattern("SSN", keys: ["gen_ai.prompt"]), action: .redact)
        let result = try evaluator(rule).scan(span(
            attributes: [Attribute("gen_ai.prompt", .string("SSN 1")), Attribute("other", .string("SSN 2"))],
            events: [SpanEvent(timeUnixNano: 1, name: "SSN", attributes: [Attribute("gen_ai.prompt", .string("SSN 3"))])],
            name: "SSN span"))
        let redacted = try #require(result.redactedSpan)
        #expect(redacted.attributes[key: "gen_ai.prompt"] == .string("[REDACTED:prompt-pii] 1"))
        #expect(redacted.attributes[key: "other"] == .string("SSN 2"))
        #expect(redacted.events[0].attributes[key: "gen_ai.prompt"] == .string("[REDACTED:prompt-pii] 3"))
        #expect(redacted.events[0].name == "SSN")
        #expect(redacted.name == "SSN span")
    }

    @Test func keyRestrictedPatternIgnoresMatchesUnderOtherKeys() throws {
        let rule = PolicyRule(name: "prompt-pii", check: .pattern("SSN", keys: ["gen_ai.prompt"]), action: .alert)
        #expect(try evaluator(rule).scan(span(attributes: [Attribute("other", .string("SSN"))], name: "SSN")).isClean)
    }

    @Test func alertRuleReportsSampleAndLeavesTheSpanAlone() throws {
        let rule = PolicyRule(name: "legacy-model", check: .pattern("gpt-3\\.5[a-z-]*", keys: nil), action: .alert, severity: .critical)
        let result = try evaluator(rule).scan(span(attributes: [Attribute("gen_ai.request.model", .string("openai/gpt-3.5-turbo"))]))
        #expect(result.redactedSpan == nil)
        #expect(result.violations == [LocalViolation(rule: "legacy-model", action: .alert, severity: .critical,
                                                     finding: .pattern(sites: [.attribute(key: "gen_ai.request.model")], sample: "gpt-3.5-turbo"))])
    }

    /// A sample could show what a redact rule masked, so a redacted span carries none.
    @Test func noSampleWhenTheSpanWasRedacted() throws {
        let log = PolicyRule(name: "mentions-ssn", check: .pattern("SSN.*", keys: nil), action: .log)
        let result = try evaluator(log, Self.seedRule).scan(span(attributes: [Attribute("q", .string("SSN \(Self.secret)"))]))
        #expect(result.redactedSpan != nil)
        #expect(result.violations.first?.finding == .pattern(sites: [.attribute(key: "q")], sample: nil))
        #expect(result.violations.map(\.action) == [.log, .redact])
    }

    @Test func nonStringValuesAndNonMatchingSpansAreLeftAlone() throws {
        let rule = PolicyRule(name: "digits", check: .pattern(#"\d+"#, keys: nil), action: .redact)
        let original = span(attributes: [Attribute("count", .int(123_456_789)), Attribute("ok", .bool(true)),
                                         Attribute("blob", .bytes([0x31, 0x32])), Attribute("ratio", .double(0.5))], name: "chat")
        #expect(try evaluator(rule).scan(original).isClean)
    }

    @Test func valueNestedTooDeepIsMaskedWholeByARedactRule() throws {
        var value = AttributeValue.string("harmless")
        for _ in 0...PolicyEvaluator.maxValueDepth { value = .array([value]) }
        let original = span(attributes: [Attribute("deep", value)])
        let result = try evaluator(Self.seedRule).scan(original)
        #expect(SpanStrings.all(in: try #require(result.redactedSpan)).contains(Self.mask))
        #expect(try evaluator(PolicyRule(name: "n", check: .pattern("SSN", keys: nil), action: .alert)).scan(original).isClean)
    }

    @Test func noRulesMeansNoWork() throws {
        let evaluator = try PolicyEvaluator(rules: [])
        #expect(evaluator.isEmpty)
        let original = span(attributes: [Attribute("q", .string("SSN"))])
        #expect(evaluator.evaluate(original, facts: GovernanceFacts(), costUSD: 100) == .clean)
    }
}
