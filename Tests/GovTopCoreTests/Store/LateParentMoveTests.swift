import Testing
@testable import GovTopCore

/// A parent that arrives after its children moves their spend to its attribution; the move names
/// each child's model and provider from what the store kept.
@Suite struct LateParentMoveTests {
    /// Children of one trace with distinct models: up to 8 their trace entry keeps, beyond that
    /// the store reads the model back from the stored span.
    @Test(arguments: [1, 8, 12])
    func childrenMoveWithTheirModels(models: Int) {
        let budgets = (0..<models).map { index in
            BudgetDefinition(name: "ml-model-\(index)", scope: [.team: "ml", .model: "model-\(index)", .provider: "openai"],
                             limitUSD: 100)
        }
        let engine = Engine(configuration: EngineConfiguration(budgets: budgets))
        let children = (0..<models).map { index in
            SpanFactory.llmCall(trace: 1, id: UInt64(10 + index), parent: 1, team: nil, cost: 0.25, model: "model-\(index)")
        }
        engine.ingest(SpanFactory.batch(children))
        #expect(engine.budgets().allSatisfy { ($0.consumedUSD ?? 0) == 0 })
        engine.ingest(SpanFactory.batch([SpanFactory.span(trace: 1, id: 1, name: "agent",
                                                          attributes: [Attribute("genops.team", .string("ml"))])]))
        #expect(engine.budgets().map(\.consumedUSD) == Array(repeating: 0.25, count: models))
        #expect(engine.groups(by: .team).first { $0.key == "ml" }?.totals.requests == models)
        #expect(engine.traces(TraceQuery()).first?.models.count == min(models, TraceEntry.maxModels))
    }
}
