import Testing
@testable import GovTopCore

@Suite struct NormalizerTests {
    private func facts(_ attributes: [Attribute], resource: [Attribute] = [], events: [SpanEvent] = [],
                       status: StatusCode = .unset) -> GovernanceFacts {
        let span = SpanFactory.span(trace: 1, id: 1, attributes: attributes, events: events, status: status)
        return Normalizer.facts(for: span, resource: FactValues(resource), service: "svc")
    }

    /// Every alias of every fact is read, and the first alias wins over later ones.
    @Test(arguments: SemanticAliases.table.flatMap { entry in entry.keys.indices.map { (entry.fact, $0) } })
    func eachAliasIsReadAndEarlierAliasesWin(fact: Fact, rank: Int) {
        let keys = SemanticAliases.table.first { $0.fact == fact }!.keys
        let attributes = keys.enumerated().filter { $0.offset >= rank }.map { Attribute($0.element, .string("\($0.offset + 7)")) }
        let values = FactValues(attributes.reversed())
        #expect(values.text(fact) == "\(rank + 7)")
    }

    /// `FactValues` keeps one position per fact in a fixed table; every fact must have a slot, and
    /// every fact with an alias is found, the last fact included.
    @Test func everyFactHasASlotInFactValues() {
        #expect(Fact.allCases.count <= FactValues.capacity)
        #expect(Fact.allCases.allSatisfy { $0.rawValue >= 0 && $0.rawValue < FactValues.capacity })
        let aliased = SemanticAliases.table.map { ($0.fact, $0.keys[0]) }
        let values = FactValues(aliased.enumerated().map { Attribute($0.element.1, .string("v\($0.offset)")) })
        for (offset, (fact, _)) in aliased.enumerated() {
            #expect(values.has(fact) && values.key(fact) == aliased[offset].1, "\(fact)")
        }
    }

    @Test func attributionComesFromTheSpanThenTheResource() {
        let result = facts([Attribute("genops.team", .string("ml"))],
                           resource: [Attribute("genops.team", .string("web")), Attribute("genops.project", .string("bot")),
                                      Attribute("deployment.environment.name", .string("prod"))])
        #expect(result.attribution == Attribution(team: "ml", project: "bot", environment: "prod"))
    }

    /// Each attribution fact, spelled by its first alias, reaches the span's attribution.
    @Test(arguments: Fact.attribution)
    func everyAttributionFactIsRead(fact: Fact) {
        let key = SemanticAliases.table.first { $0.fact == fact }!.keys[0]
        var expected = Attribution()
        expected[fact] = "value-of-\(fact)"
        #expect(facts([Attribute(key, .string("value-of-\(fact)"))]).attribution == expected)
    }

    /// A span without attribution (most LLM calls: they inherit it) holds the one shared empty
    /// attribution, not a box of its own.
    @Test func aSpanWithoutAttributionSharesTheEmptyOne() {
        #expect(facts([Attribute("gen_ai.request.model", .string("gpt-4o"))]).attribution.sharesEmptyBox)
        #expect(!facts([Attribute("genops.team", .string("ml"))]).attribution.sharesEmptyBox)
    }

    /// A value that names a group is at most `ValueBounds.maxGroupValueBytes` long: a longer one is
    /// flagged and names no group, and the resource's value does not stand in for the span's.
    @Test(arguments: [Fact.team, .customer, .model, .provider])
    func aGroupValueLongerThanTheBoundIsFlaggedNotKept(fact: Fact) throws {
        let key = try #require(SemanticAliases.table.first { $0.fact == fact }?.keys.first)
        let longest = String(repeating: "é", count: ValueBounds.maxGroupValueBytes / 2)
        let kept = facts([Attribute(key, .string(longest))])
        #expect(kept.invalidValues.isEmpty)
        let tooLong = facts([Attribute(key, .string(longest + "x"))], resource: [Attribute(key, .string("from-resource"))])
        #expect(tooLong.invalidValues == [key])
        switch fact {
        case .model: #expect(kept.model == longest && tooLong.model == nil)
        case .provider: #expect(kept.provider == longest && tooLong.provider == nil)
        default: #expect(kept.attribution[fact] == longest && tooLong.attribution[fact] == nil)
        }
    }

    /// Lower-casing "İ" takes 2 bytes to 3: a provider within the bound as sent but beyond it once
    /// normalized names no group (the ledger would not read its rows back).
    @Test func aProviderIsBoundedAfterItIsNormalized() {
        let sent = String(repeating: "İ", count: ValueBounds.maxGroupValueBytes / 2)
        #expect(sent.utf8.count == ValueBounds.maxGroupValueBytes)
        let result = facts([Attribute("gen_ai.provider.name", .string(sent))])
        #expect(result.provider == nil)
        #expect(result.invalidValues == ["gen_ai.provider.name"])
    }

    @Test func anOverlongServiceNameCountsAsUnknownServiceForTheTraceListToo() {
        let long = String(repeating: "s", count: ValueBounds.maxGroupValueBytes + 1)
        let origin = SpanOrigin(resource: Resource(attributes: [Attribute("service.name", .string(long))]),
                                scope: InstrumentationScope(name: "s"), resourceFacts: FactValues([]))
        #expect(origin.service == "unknown_service")
        let within = String(long.dropLast())
        #expect(SpanOrigin(resource: Resource(attributes: [Attribute("service.name", .string(within))]),
                           scope: InstrumentationScope(name: "s"), resourceFacts: FactValues([])).service == within)
    }

    @Test func anOverlongServiceNameCountsAsUnknownService() {
        let span = SpanFactory.span(trace: 1, id: 1)
        let long = String(repeating: "s", count: ValueBounds.maxGroupValueBytes + 1)
        let result = Normalizer.facts(for: span, resource: FactValues([]), service: long)
        #expect(result.service == "unknown_service")
        #expect(result.invalidValues == ["service.name"])
        #expect(Normalizer.facts(for: span, resource: FactValues([]), service: String(long.dropLast())).service.utf8.count
                == ValueBounds.maxGroupValueBytes)
    }

    @Test func tokensModelAndProviderAcrossConventions() {
        let result = facts([
            Attribute("gen_ai.system", .string("az.ai.openai")),
            Attribute("ai.model.name", .string("gpt-4")),
            Attribute("gen_ai.request.model", .string("gpt-4o")),
            Attribute("gen_ai.response.model", .string("gpt-4o-2024-08-06")),
            Attribute("llm.token_count.prompt", .int(10)),
            Attribute("gen_ai.usage.prompt_tokens", .int(20)),
            Attribute("gen_ai.usage.completion_tokens", .string("30")),
            Attribute("gen_ai.usage.cache_read_input_tokens", .int(5)),
            Attribute("gen_ai.usage.reasoning_tokens", .double(4)),
        ])
        #expect(result.provider == "azure.ai.openai")
        #expect(result.model == "gpt-4o-2024-08-06")
        #expect(result.inputTokens == 20)
        #expect(result.outputTokens == 30)
        #expect(result.cachedInputTokens == 5)
        #expect(result.reasoningTokens == 4)
        #expect(result.isAIRequest)
    }

    @Test(arguments: [("vertex_ai", "gcp.vertex_ai"), ("gemini", "gcp.gemini"), ("xai", "x_ai"),
                      ("openai.chat", "openai"), ("anthropic.messages", "anthropic"), ("OpenAI", "openai"), ("mistral_ai", "mistral_ai")])
    func providerNames(raw: String, expected: String) {
        #expect(SemanticAliases.normalizeProvider(raw) == expected)
    }

    @Test func reportedCostWinsAndPartsAddUp() {
        #expect(facts([Attribute("genops.cost.total", .double(0.5)), Attribute("llm.cost.total", .double(9))]).reportedTotalCost == .dollars(0.5))
        #expect(facts([Attribute("genops.cost.input_cost", .double(0.25)), Attribute("gen_ai.cost.output_cost", .double(0.5))]).reportedTotalCost == .dollars(0.75))
        #expect(facts([Attribute("gen_ai.usage.cost", .string("1.5"))]).reportedTotalCost == .dollars(1.5))
        #expect(facts([Attribute("genops.cost.total", .string("NaN"))]).reportedTotalCost == nil)
    }

    @Test func negativeTokenCountsAreIgnored() {
        #expect(facts([Attribute("gen_ai.usage.input_tokens", .int(-5))]).inputTokens == nil)
    }

    /// Values rejected at the door: not counted, and their keys listed (once) in `invalidValues`.
    @Test(arguments: [
        Attribute("genops.cost.total", .double(-1)),
        Attribute("genops.cost.total", .double(-1e6)),
        Attribute("genops.cost.total", .double(1e308)),
        Attribute("genops.cost.total", .double(-1e308)),
        Attribute("genops.cost.total", .double(.nan)),
        Attribute("genops.cost.total", .double(.infinity)),
        Attribute("genops.cost.total", .double(-.infinity)),
        Attribute("genops.cost.total", .string("NaN")),
        Attribute("genops.cost.total", .string("Infinity")),
        Attribute("genops.cost.total", .string("-Infinity")),
        Attribute("genops.cost.total", .string("a dollar")),
        Attribute("genops.cost.total", .double(1_000_000.01)),
        Attribute("gen_ai.usage.cost", .double(-0.5)),
        Attribute("genops.cost.input_cost", .double(.nan)),
        Attribute("gen_ai.usage.input_tokens", .int(-5)),
        Attribute("gen_ai.usage.output_tokens", .int(1_000_000_001)),
        Attribute("gen_ai.usage.input_tokens", .double(1e300)),
        Attribute("gen_ai.usage.input_tokens", .double(.nan)),
        Attribute("genops.budget.limit", .double(-100)),
        Attribute("genops.budget.consumed", .double(.infinity)),
        Attribute("genops.budget.remaining", .double(2e12)),
        Attribute("genops.budget.alert_threshold", .double(-0.2)),
        Attribute("genops.eval.score", .double(.nan)),
        Attribute("genops.eval.score", .double(-3)),
        Attribute("genops.eval.threshold", .double(.infinity)),
    ])
    func invalidNumbersAreFlaggedNotCounted(attribute: Attribute) {
        let result = facts([attribute, Attribute("genops.eval.result", .string("pass")),
                            Attribute("genops.budget.name", .string("b"))])
        #expect(result.invalidValues == [attribute.key])
        #expect(result.reportedTotalCost == nil && result.inputTokens == nil && result.outputTokens == nil)
        #expect(result.budget.map { [$0.limit, $0.consumed, $0.remaining].allSatisfy { $0 == nil } } ?? true)
        #expect(result.evaluations.allSatisfy { $0.score == nil && $0.threshold == nil })
    }

    @Test func anInvalidValueOnTheSpanIsNotReplacedByTheResourceValue() {
        let result = facts([Attribute("genops.cost.total", .double(-2))], resource: [Attribute("genops.cost.total", .double(3))])
        #expect(result.reportedTotalCost == nil)
        #expect(result.invalidValues == ["genops.cost.total"])
    }

    @Test(arguments: [(0.0, Int128(0)), (-0.0, 0), (1e-10, 0), (6e-10, 1), (0.1, 100_000_000), (1_000_000, 1_000_000_000_000_000)])
    func validAmountsBecomeExactNanoDollars(usd: Double, nanos: Int128) {
        let result = facts([Attribute("genops.cost.total", .double(usd))])
        #expect(result.reportedTotalCost?.nanos == nanos)
        #expect(result.invalidValues.isEmpty)
    }

    @Test func plainSpansAreNotRequests() {
        let result = facts([Attribute("http.request.method", .string("GET")), Attribute("genops.team", .string("ml"))])
        #expect(!result.isAIRequest)
    }

    @Test func policyOutcomesOnTheSpanAndOnEventsCount() {
        let event = SpanEvent(timeUnixNano: 1, name: "policy.evaluated", attributes: [
            Attribute("genops.policy.name", .string("pii-filter")),
            Attribute("genops.policy.result", .string("BLOCKED")),
            Attribute("genops.policy.reason", .string("pii-detected")),
        ])
        let allowed = SpanEvent(timeUnixNano: 2, name: "policy.evaluated", attributes: [
            Attribute("genops.policy.name", .string("cost_limit")), Attribute("genops.policy.result", .string("allowed")),
        ])
        let result = facts([Attribute("genops.policy.name", .string("team_access")),
                            Attribute("genops.policy.result", .string("warning")),
                            Attribute("genops.policy.action", .string("alert"))], events: [event, allowed, event])
        #expect(result.policies == [
            PolicyOutcome(name: "team_access", result: "warning", action: "alert"),
            PolicyOutcome(name: "pii-filter", result: "blocked", violationType: "pii-detected"),
            PolicyOutcome(name: "cost_limit", result: "allowed"),
        ])
        #expect(result.policyViolations == 2)
    }

    @Test(arguments: [
        ([Attribute("genops.eval.score", .double(0.4)), Attribute("genops.eval.threshold", .double(0.5))], false),
        ([Attribute("genops.eval.score", .double(0.6)), Attribute("genops.eval.threshold", .double(0.5))], true),
        ([Attribute("genops.eval.score", .double(0.4)), Attribute("genops.eval.threshold", .double(0.5)), Attribute("genops.eval.result", .string("pass"))], true),
        ([Attribute("genops.eval.passed", .bool(false)), Attribute("genops.eval.score", .double(0.9))], false),
        ([Attribute("gen_ai.evaluation.score.value", .double(0.1)), Attribute("gen_ai.evaluation.score.label", .string("fail"))], false),
        ([Attribute("gen_ai.evaluation.score.value", .double(0.1))], true),
    ])
    func evaluationPassFail(attributes: [Attribute], passed: Bool) {
        let result = facts(attributes + [Attribute("genops.eval.metric", .string("faithfulness"))])
        #expect(result.evaluations.count == 1)
        #expect(result.evaluations.first?.metric == "faithfulness")
        #expect(result.evaluations.first?.passed == passed)
        #expect(result.evalFailures == (passed ? 0 : 1))
    }

    @Test func budgetReportWithDerivedRemaining() throws {
        let result = facts([Attribute("genops.budget.name", .string("team-ml")), Attribute("genops.budget.allocated", .double(100)),
                            Attribute("genops.budget.used", .double(30)), Attribute("genops.budget.period", .string("daily"))])
        #expect(result.budget == BudgetReport(name: "team-ml", limit: 100, consumed: 30, period: "daily"))
        // The remaining amount is derived where budgets are kept, exactly.
        var budgets = TelemetryBudgets()
        budgets.record(try #require(result.budget), name: "team-ml", at: 0)
        #expect(budgets.status(named: "team-ml", now: 0)?.remainingUSD == 70)
    }

    @Test func errorStatusIsAnError() {
        #expect(facts([], status: .error).isError)
        #expect(!facts([], status: .ok).isError)
    }
}

@Suite struct AliasLookupTests {
    @Test func theByteTableAgreesWithTheAliasTable() {
        for (fact, keys) in SemanticAliases.table {
            for (rank, key) in keys.enumerated() {
                let found = SemanticAliases.alias(key)
                #expect(found?.fact == fact && found?.rank == rank, "\(key)")
            }
        }
    }

    @Test(arguments: ["", "x", "user.i", "user.idx", "genops.teams", "GENOPS.TEAM", "service.name", "gen_ai.usage.input_tokens.", "😀genops.team"])
    func otherKeysAreNotAliases(key: String) {
        #expect(SemanticAliases.alias(key) == nil)
    }
}
