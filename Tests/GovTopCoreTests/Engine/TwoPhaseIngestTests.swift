import Testing
@testable import GovTopCore

/// Local rules that read the effective attribution are decided after the store resolved it, by the
/// policy step, with no closure through the store.
@Suite struct TwoPhaseIngestTests {
    @Test func rulesOnTheSpanAloneAreDecidedInPhaseOne() throws {
        let evaluator = try PolicyEvaluator(rules: [
            PolicyRule(name: "limit", check: .limits(maxCostUSD: 0.1, maxTokens: nil)),
            PolicyRule(name: "team-b-gpt4", check: .conditions([PolicyCondition(key: "team", values: ["b"]),
                                                                 PolicyCondition(key: "model", values: ["gpt-4"])])),
            PolicyRule(name: "team-b-o3", check: .conditions([PolicyCondition(key: "team", values: ["b"]),
                                                               PolicyCondition(key: "model", values: ["o3"])])),
        ])
        let span = SpanFactory.llmCall(trace: 1, id: 1, team: nil, cost: 1, model: "gpt-4")
        let facts = Normalizer.facts(for: span, resource: FactValues([]), service: "svc")
        let judgement = evaluator.judge(span, facts: facts, resourceAttributes: [], costUSD: 1)
        #expect(judgement.violations.map(\.rule) == ["limit"])
        // The o3 rule's model condition failed: only the gpt-4 one waits for the attribution.
        #expect(judgement.pending == [1])
        #expect(evaluator.resolve(judgement.pending, attribution: Attribution(team: "b")).map(\.rule) == ["team-b-gpt4"])
        #expect(evaluator.resolve(judgement.pending, attribution: Attribution(team: "a")).isEmpty)
    }

    /// A child inherits team b from its parent in the same batch: the rule on team b sees it.
    @Test func inheritedAttributionDecidesPendingRules() throws {
        let rule = PolicyRule(name: "team-b", check: .conditions([PolicyCondition(key: "team", values: ["b"])]), action: .alert)
        let engine = Engine(configuration: EngineConfiguration(policies: [rule]))
        engine.ingest(SpanFactory.batch([
            SpanFactory.llmCall(trace: 1, id: 2, parent: 1, team: nil),
            SpanFactory.span(trace: 1, id: 1, name: "agent", attributes: [Attribute("genops.team", .string("b"))]),
        ]))
        let policy = try #require(engine.policiesSnapshot().policies.policies.first { $0.name == "team-b" })
        #expect(policy.violations == 2 && policy.byTeam == ["b": 2])
        #expect(engine.groups(by: .team).first { $0.key == "b" }?.totals.policyViolations == 2)
        #expect(engine.traces(TraceQuery()).first?.policyViolations == 2)
        #expect(engine.alerts().count == 1)
    }

    /// A span found in violation by a pending rule and moved later in the same batch (its parent
    /// comes in another resource of the batch) moves with its violation: no group goes negative
    /// and the parent's team gets it.
    @Test func aMoveLaterInTheBatchCarriesViolationsFoundAfterStoring() throws {
        let rule = PolicyRule(name: "dev", check: .conditions([PolicyCondition(key: "environment", values: ["dev"])]), action: .log)
        let engine = Engine(configuration: EngineConfiguration(policies: [rule]))
        let child = SpanFactory.llmCall(trace: 1, id: 2, parent: 1, team: nil)
        let parent = SpanFactory.span(trace: 1, id: 1, name: "agent", attributes: [Attribute("genops.team", .string("b"))])
        let batch = TraceBatch(resourceSpans: [
            ResourceSpans(resource: Resource(attributes: [Attribute("service.name", .string("worker")),
                                                          Attribute("deployment.environment.name", .string("dev"))]),
                          scopeSpans: [ScopeSpans(scope: InstrumentationScope(name: "t", version: "1"), spans: [child])]),
            ResourceSpans(resource: Resource(attributes: [Attribute("service.name", .string("agent"))]),
                          scopeSpans: [ScopeSpans(scope: InstrumentationScope(name: "t", version: "1"), spans: [parent])]),
        ])
        engine.ingest(batch)
        let teams = engine.groups(by: .team)
        #expect(teams.first { $0.key == "b" }?.totals.policyViolations == 1)
        #expect(teams.first { $0.key == Dimension.unattributed }.map { $0.totals.policyViolations } ?? 0 == 0)
        #expect(engine.summary().policyViolationsTotal == 1)
    }
}
