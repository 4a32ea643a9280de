import GovTopCore
import GovTopDemo
import Testing

/// The fleet the demo pretends to be, checked on five virtual minutes of its traffic.
@Suite struct DemoShapeTests {
    static let sample = DemoTrafficSample(seconds: 300)

    var sample: DemoTrafficSample { Self.sample }

    @Test func fleetHasFiveTeamsFiftyCustomersTwoEnvironmentsThreeServices() {
        #expect(sample.values("genops.team") == ["growth", "support", "search", "research", "platform"])
        #expect(sample.values("genops.customer_id").count >= 45)
        #expect(sample.values("genops.environment") == ["prod", "dev"])
        #expect(Set(sample.spans.map(\.resource.serviceName)) == ["chat-gateway", "agent-runtime", "doc-pipeline"])
        #expect(sample.values("genops.project").count >= 6)
        #expect(sample.values("genops.feature").count >= 8)
        #expect(sample.values("genops.cost_center").count == 5)
    }

    @Test func resourcesDescribeTheirService() {
        for emitted in sample.spans {
            for key in ["service.name", "service.version", "telemetry.sdk.name", "telemetry.sdk.language", "telemetry.sdk.version"] {
                #expect(emitted.resource.attributes[key: key]?.string?.isEmpty == false, "\(key)")
            }
        }
    }

    @Test func manyModelsFromManyProvidersAllPricedButOne() {
        let calls = sample.spans.map(\.facts).filter { $0.isAIRequest }
        let pricing = PricingTable.shipped
        var priced = Set<String>()
        var unpriced = Set<String>()
        for facts in calls {
            guard let model = facts.model else { continue }
            if let match = pricing.match(model: model, provider: facts.provider) { priced.insert(match.entry.name) } else { unpriced.insert(model) }
        }
        #expect(priced.count >= 8)
        #expect(unpriced == ["northwind-support-13b"])
        let providers = Set(calls.compactMap(\.provider))
        #expect(providers.isSuperset(of: ["openai", "anthropic", "gcp.gemini", "mistral_ai", "aws.bedrock"]))
    }

    @Test func tokenCountsAndLatenciesLookReal() {
        let calls = sample.spans.filter { $0.facts.inputTokens != nil }
        #expect(calls.count > 1000)
        for call in calls {
            let facts = call.facts
            let input = facts.inputTokens ?? 0
            let output = facts.outputTokens ?? 0
            #expect((100...100_000).contains(input))
            #expect((8...5_000).contains(output))
            #expect((facts.cachedInputTokens ?? 0) <= input)
            #expect((facts.reasoningTokens ?? 0) <= output)
        }
        #expect(calls.contains { ($0.facts.cachedInputTokens ?? 0) > 0 })
        #expect(calls.contains { ($0.facts.reasoningTokens ?? 0) > 0 })
        let seconds = calls.map { Double($0.span.durationNanos) / 1e9 }.sorted()
        #expect(seconds.first.map { $0 > 0.15 } == true)
        #expect(seconds.last.map { $0 < 120 } == true)
        #expect((1.0...15.0).contains(seconds[seconds.count / 2]))
    }

    @Test func agentTracesCarryAttributionOnlyOnTheRoot() {
        var complete = 0
        for (_, spans) in sample.traces {
            guard let root = spans.first(where: { $0.span.parentSpanID.isNone }), root.span.name.hasPrefix("invoke_agent ") else { continue }
            for key in ["genops.team", "genops.project", "genops.customer_id", "genops.environment", "genops.feature", "genops.cost_center"] {
                #expect(root.string(key) != nil, "root lacks \(key)")
            }
            let children = spans.filter { $0.span.spanID != root.span.spanID }.sorted { $0.span.startTimeUnixNano < $1.span.startTimeUnixNano }
            for child in children {
                #expect(child.span.parentSpanID == root.span.spanID)
                #expect(!child.attributes.contains { $0.key.hasPrefix("genops.") })
                #expect(child.span.startTimeUnixNano >= root.span.startTimeUnixNano)
                #expect(child.span.endTimeUnixNano < root.span.endTimeUnixNano)
                if child.string("gen_ai.operation.name") == "chat" {
                    #expect(child.attributes.allSatisfy { $0.key.hasPrefix("gen_ai.") || $0.key == "error.type" })
                }
            }
            let operations = children.compactMap { $0.string("gen_ai.operation.name") }
            if root.span.statusCode == .unset {
                #expect(operations.first == "retrieval")
                #expect(operations.last == "chat")
                #expect(operations == ["retrieval", "chat", "execute_tool", "chat"]
                    || operations == ["retrieval", "chat", "execute_tool", "chat", "execute_tool", "chat"])
                complete += 1
            }
        }
        #expect(complete > 200)
    }

    @Test func singleCallsCarryAttributionAndTheCall() {
        let lone = sample.traces.values.filter { $0.count == 1 && $0[0].span.parentSpanID.isNone }
        // An agent run blocked by pii-filter before it started is a root alone, with an error.
        let blockedRuns = lone.filter { $0[0].span.name.hasPrefix("invoke_agent ") }
        #expect(blockedRuns.allSatisfy { $0[0].span.statusCode == .error })
        let singles = lone.filter { !$0[0].span.name.hasPrefix("invoke_agent ") }
        #expect(singles.count > 1000)
        for trace in singles {
            #expect(trace[0].string("genops.team") != nil)
            #expect(trace[0].facts.model != nil)
        }
    }

    @Test func spansComeAsAnSDKExportsThem() {
        var batchOfSpan: [SpanID: Int] = [:]
        for emitted in sample.spans {
            #expect(batchOfSpan.updateValue(emitted.batch, forKey: emitted.span.spanID) == nil, "span sent twice")
            #expect(sample.intervals[emitted.batch].contains(emitted.span.endTimeUnixNano))
            #expect(emitted.span.startTimeUnixNano >= DemoTrafficSample.start)
        }
        for batch in sample.batches {
            for scopeSpans in batch.resourceSpans.flatMap(\.scopeSpans) {
                let ends = scopeSpans.spans.map(\.endTimeUnixNano)
                #expect(ends == ends.sorted())
            }
        }
        var parentLater = 0
        for emitted in sample.spans where !emitted.span.parentSpanID.isNone {
            guard let parentBatch = batchOfSpan[emitted.span.parentSpanID] else { continue }
            #expect(parentBatch >= emitted.batch)
            if parentBatch > emitted.batch { parentLater += 1 }
        }
        #expect(parentLater > 100)
    }

    @Test func conventionsAreMixed() {
        for key in ["gen_ai.provider.name", "gen_ai.system", "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens",
                    "llm.model_name", "llm.token_count.prompt", "ai.model.id", "ai.request.input_tokens",
                    "genops.cost.total", "gen_ai.usage.cost", "llm.cost.total"] {
            #expect(sample.spans.contains { $0.span.attributes[key: key] != nil }, "no span has \(key)")
        }
        let withTokens = sample.spans.map(\.facts).filter { $0.inputTokens != nil }
        #expect(withTokens.contains { $0.reportedTotalCost == nil })
        #expect(withTokens.contains { $0.reportedTotalCost != nil })
    }

    @Test func growthReportsTheCostOfEveryCall() {
        let growthTraces = Set(sample.spans.filter { $0.string("genops.team") == "growth" }.map(\.span.traceID))
        let calls = sample.spans.filter { growthTraces.contains($0.span.traceID) && $0.facts.inputTokens != nil }
        #expect(calls.count > 100)
        #expect(calls.allSatisfy { $0.facts.reportedTotalCost != nil })
    }

    @Test func governanceSignalsShowUp() throws {
        let facts = sample.spans.map(\.facts)
        let violations = facts.flatMap(\.policies).filter(\.isViolation)
        #expect(violations.contains { $0.name == "pii-filter" && $0.result == "blocked" })
        #expect(violations.contains { $0.name == "cost_limit" && $0.result == "warning" })
        #expect(violations.contains { $0.name == "team_access" && $0.result == "blocked" })
        #expect(sample.spans.contains { $0.span.events.contains { $0.name == "policy.evaluated" } })
        let evaluations = facts.flatMap(\.evaluations)
        #expect(evaluations.contains { !$0.passed && $0.metric == "answer_relevancy" })
        #expect(evaluations.contains { !$0.passed && ["groundedness", "helpfulness"].contains($0.metric) })
        #expect(evaluations.contains { $0.passed })
        let errors = sample.spans.filter { $0.span.statusCode == .error }.count
        #expect((Double(errors) / Double(sample.spans.count)) > 0.01)
        #expect((Double(errors) / Double(sample.spans.count)) < 0.08)
        #expect(facts.contains { $0.budget?.name == "campaign-studio-monthly" })
    }

    @Test func somePromptsTripTheDemoRedactionRule() throws {
        guard case .pattern(let pattern, let keys)? = DemoScenario.configuration().policies.first(where: { $0.action == .redact })?.check else {
            Issue.record("no redaction rule")
            return
        }
        let regex = try Regex(pattern)
        let prompts = sample.spans.compactMap { emitted in keys?.compactMap { emitted.string($0) }.first }
        #expect(prompts.count > 500)
        let tripping = prompts.filter { $0.contains(regex) }
        #expect(!tripping.isEmpty)
        #expect(tripping.count < prompts.count / 10)
    }

    @Test func burstsRunOnlyInsideTheirWindows() {
        let sweeps = sample.spans.filter { $0.string("genops.feature") == "eval-sweep" }
        #expect(sweeps.count > 50)
        for sweep in sweeps {
            let offset = sweep.span.startTimeUnixNano - DemoTrafficSample.start
            #expect(offset >= DemoScenario.burstStart)
            #expect((offset - DemoScenario.burstStart) % DemoScenario.burstPeriod < DemoScenario.burstLength)
        }
    }

    @Test func rateSetsTheSpansPerSecond() {
        let seconds = 120.0
        let standard = Double(DemoTrafficSample(seconds: 120, seed: 5).spans.count) / seconds
        let doubled = Double(DemoTrafficSample(seconds: 120, seed: 5, rate: 2 * DemoScenario.defaultRate).spans.count) / seconds
        #expect(abs(Double(sample.spans.count) / 300 - DemoScenario.defaultRate) < 3)
        #expect((1.7...2.3).contains(doubled / standard))
    }
}
