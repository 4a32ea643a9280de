import Testing
@testable import GovTopCore

/// Reported cost wins; otherwise tokens × the pricing table; unknown models are unpriced, never $0.
@Suite struct EngineCostTests {
    private let pricing = try! PricingTable(asOf: "2026-11-25", entries: [
        ModelPrice(name: "test-model", provider: "openai", rates: TokenRates(input: 2, output: 8, cachedInput: 0.5, cacheWrite: 4)),
    ])

    private func tokens(_ model: String?, input: Int64, output: Int64, cached: Int64 = 0, cacheWrite: Int64 = 0,
                        cost: Double? = nil) -> SpanRecord {
        var attributes: [Attribute] = [
            Attribute("gen_ai.usage.input_tokens", .int(input)),
            Attribute("gen_ai.usage.output_tokens", .int(output)),
            Attribute("gen_ai.usage.cache_read.input_tokens", .int(cached)),
            Attribute("gen_ai.usage.cache_creation.input_tokens", .int(cacheWrite)),
            Attribute("genops.team", .string("ml")),
        ]
        if let model { attributes.append(Attribute("gen_ai.request.model", .string(model))) }
        if let cost { attributes.append(Attribute("genops.cost.total", .double(cost))) }
        return SpanFactory.span(trace: 1, id: UInt64(input + output * 7 + cached * 13 + cacheWrite * 17 + 1), attributes: attributes)
    }

    @Test func estimatesFromTokensWithCachedAndCacheWritePricesAndNoDoubleCounting() {
        let engine = Engine(configuration: EngineConfiguration(pricing: pricing))
        // 1M input of which 400k cached and 100k written: 500k×2 + 400k×0.5 + 100k×4 + 250k out×8, per 1M.
        engine.ingest(SpanFactory.batch([tokens("test-model-2026-01-01", input: 1_000_000, output: 250_000, cached: 400_000, cacheWrite: 100_000)]))
        let row = engine.groups(by: .team).first
        #expect(abs((row?.totals.costUSD ?? 0) - 3.6) < 1e-12)
        #expect(abs((row?.totals.estimatedCost.usd ?? 0) - 3.6) < 1e-12)
        #expect(row?.totals.reportedCost == .zero)
        #expect(row?.totals.unpricedRequests == 0)
    }

    @Test func reportedCostWinsOverTheEstimate() {
        let engine = Engine(configuration: EngineConfiguration(pricing: pricing))
        engine.ingest(SpanFactory.batch([tokens("test-model", input: 1_000_000, output: 0, cost: 0.01)]))
        #expect(engine.summary().costUSDTotal == 0.01)
        #expect(engine.groups(by: .team).first?.totals.reportedCost == .dollars(0.01))
    }

    @Test func unknownModelsAndModellessTokensAreUnpricedNotZero() {
        let engine = Engine(configuration: EngineConfiguration(pricing: pricing))
        engine.ingest(SpanFactory.batch([tokens("mystery-9000", input: 10, output: 10), tokens(nil, input: 20, output: 5)]))
        let summary = engine.summary()
        #expect(summary.requestsTotal == 2)
        #expect(summary.unpricedRequestsTotal == 2)
        #expect(summary.costUSDTotal == 0)
        #expect(engine.groups(by: .model).map(\.key).sorted() == [Dimension.unattributed, "mystery-9000"])
    }

    @Test func theShippedTableKnowsCommonModels() {
        let engine = Engine()
        engine.ingest(SpanFactory.batch([tokens("gpt-4o-mini-2024-07-18", input: 1000, output: 1000),
                                         tokens("claude-3-5-sonnet-20241022", input: 1000, output: 1000)]))
        #expect(engine.summary().unpricedRequestsTotal == 0)
        #expect(engine.summary().costUSDTotal > 0)
    }
}
