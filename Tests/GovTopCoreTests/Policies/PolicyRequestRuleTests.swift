import Testing
@testable import GovTopCore

@Suite struct PolicyRequestRuleTests {
    static let noGPT4InDev = PolicyRule(name: "no-gpt4-in-dev", check: .conditions([
        PolicyCondition(key: "model", values: ["gpt-4"]),
        PolicyCondition(key: "environment", values: ["dev"]),
    ]), action: .alert, severity: .critical)

    private func request(model: String = "gpt-4", environment: String? = nil, team: String? = "ml", cost: Double = 0.01,
                         input: Int64 = 500, output: Int64 = 200, extra: [Attribute] = []) -> (SpanRecord, GovernanceFacts) {
        var span = SpanFactory.llmCall(trace: 1, id: 1, team: team, cost: cost, model: model, input: input, output: output)
        if let environment { span.attributes.append(Attribute("deployment.environment.name", .string(environment))) }
        span.attributes += extra
        return (span, Normalizer.facts(for: span, resource: FactValues([]), service: "svc"))
    }

    private func violations(_ rule: PolicyRule, _ request: (SpanRecord, GovernanceFacts), attribution: Attribution? = nil,
                            resource: [Attribute] = [], cost: Double? = nil) throws -> [LocalViolation] {
        try PolicyEvaluator(rules: [rule]).evaluate(request.0, facts: request.1, attribution: attribution,
                                                    resourceAttributes: resource, costUSD: cost).violations
    }

    @Test(arguments: [("gpt-4", "dev", true), ("gpt-4", "prod", false), ("gpt-4o", "dev", false), ("gpt-4", nil, false)])
    func modelInEnvironment(model: String, environment: String?, violates: Bool) throws {
        let found = try violations(Self.noGPT4InDev, request(model: model, environment: environment))
        #expect(found == (violates ? [LocalViolation(rule: "no-gpt4-in-dev", action: .alert, severity: .critical,
                                                     finding: .conditions(keys: ["model", "environment"]))] : []))
    }

    /// gpt-4 anywhere but prod; a span with no environment is "not prod".
    @Test(arguments: [("dev", true), ("staging", true), ("prod", false), (nil, true)])
    func negatedCondition(environment: String?, violates: Bool) throws {
        let rule = PolicyRule(name: "gpt4-prod-only", check: .conditions([
            PolicyCondition(key: "model", values: ["gpt-4"]),
            PolicyCondition(key: "environment", values: ["prod"], negated: true),
        ]))
        #expect(try violations(rule, request(environment: environment)).count == (violates ? 1 : 0))
    }

    /// Long value lists are matched through a set; the result must be the same.
    @Test(arguments: [("ml", true), ("t7", true), ("web", false)])
    func longValueLists(team: String, violates: Bool) throws {
        let rule = PolicyRule(name: "listed-teams", check: .conditions([PolicyCondition(key: "team", values: (0..<20).map { "t\($0)" } + ["ml"])]))
        #expect(try violations(rule, request(team: team)).count == (violates ? 1 : 0))
    }

    @Test func resolvedAttributionWinsOverTheSpansOwn() throws {
        let rule = PolicyRule(name: "team-b-no-gpt4", check: .conditions([PolicyCondition(key: "team", values: ["b"]),
                                                                           PolicyCondition(key: "model", values: ["gpt-4"])]))
        let call = request(team: nil)
        #expect(try violations(rule, call).isEmpty)
        #expect(try violations(rule, call, attribution: Attribution(team: "b")).count == 1)
    }

    @Test func otherKeysReadTheSpanThenTheResource() throws {
        let rule = PolicyRule(name: "free-tier", check: .conditions([PolicyCondition(key: "user.tier", values: ["free", "1"])]), action: .log)
        #expect(try violations(rule, request(extra: [Attribute("user.tier", .string("free"))])).count == 1)
        #expect(try violations(rule, request(extra: [Attribute("user.tier", .int(1))])).count == 1)
        #expect(try violations(rule, request(), resource: [Attribute("user.tier", .string("free"))]).count == 1)
        #expect(try violations(rule, request(extra: [Attribute("user.tier", .string("paid"))]),
                               resource: [Attribute("user.tier", .string("free"))]).isEmpty)
        #expect(try violations(rule, request()).isEmpty)
    }

    @Test(arguments: [
        (0.50, 100 as Int64, 100 as Int64, nil as String?),
        (0.51, 100, 100, "cost_limit"),
        (0.10, 900, 101, "token_limit"),
        (2.00, 1000, 1000, "cost_and_token_limit"),
    ])
    func limits(cost: Double, input: Int64, output: Int64, expectedType: String?) throws {
        let rule = PolicyRule(name: "request-cap", check: .limits(maxCostUSD: 0.5, maxTokens: 1000))
        let found = try violations(rule, request(input: input, output: output), cost: cost)
        #expect(found.map(\.violationType) == (expectedType.map { [$0] } ?? []))
    }

    @Test func limitFindingNamesWhatWasExceeded() throws {
        let rule = PolicyRule(name: "request-cap", check: .limits(maxCostUSD: 0.5, maxTokens: 1000), action: .log)
        let found = try violations(rule, request(input: 1000, output: 1), cost: 0.2)
        #expect(found == [LocalViolation(rule: "request-cap", action: .log, severity: .warning,
                                         finding: .limits(costUSD: nil, maxCostUSD: nil, tokens: 1001, maxTokens: 1000))])
        #expect(found.first?.result == "logged")
    }

    @Test func unknownCostOrTokensAreNotChecked() throws {
        let rule = PolicyRule(name: "cap", check: .limits(maxCostUSD: 0, maxTokens: 0))
        let span = SpanFactory.span(trace: 1, id: 1)
        #expect(try PolicyEvaluator(rules: [rule]).check(span, facts: GovernanceFacts(), costUSD: nil).isEmpty)
        #expect(try PolicyEvaluator(rules: [rule]).check(span, facts: GovernanceFacts(), costUSD: .nan).isEmpty)
    }

    @Test(arguments: [
        (PolicyRule(name: "broken", check: .pattern("(unclosed", keys: nil)),
         #"policy rule 'broken': pattern "(unclosed" is not a valid regular expression"#),
        (PolicyRule(name: "  ", check: .pattern("x", keys: nil)), "policy rule: every rule needs a non-empty name"),
        (PolicyRule(name: "e", check: .pattern("", keys: nil)), "policy rule 'e': pattern is empty"),
        (PolicyRule(name: "k", check: .pattern("x", keys: [])), "policy rule 'k': keys lists no attribute key"),
        (PolicyRule(name: "c", check: .conditions([])), "policy rule 'c': has no conditions"),
        (PolicyRule(name: "v", check: .conditions([PolicyCondition(key: "model", values: [])])), "policy rule 'v': condition on 'model' lists no values"),
        (PolicyRule(name: "l", check: .limits(maxCostUSD: nil, maxTokens: nil)), "policy rule 'l': sets neither"),
        (PolicyRule(name: "n", check: .limits(maxCostUSD: -1, maxTokens: nil)), "policy rule 'n': maximum cost must be"),
        (PolicyRule(name: "r", check: .limits(maxCostUSD: 1, maxTokens: nil), action: .redact), "policy rule 'r': action redact needs a pattern"),
    ])
    func unusableRulesAreRejectedByName(rule: PolicyRule, message: String) {
        #expect {
            _ = try PolicyEvaluator(rules: [rule])
        } throws: { error in
            (error as? PolicyRuleError)?.description.hasPrefix(message) == true
        }
    }

    @Test func duplicateNamesAreRejected() {
        #expect(throws: PolicyRuleError(rule: "x", message: "is defined more than once; rule names must be unique")) {
            _ = try PolicyEvaluator(rules: [Self.noGPT4InDev, PolicyRule(name: "x", check: .pattern("a", keys: nil)),
                                            PolicyRule(name: "x", check: .pattern("b", keys: nil))])
        }
    }
}
