import GovTopCore
import Testing
@testable import GovTopUI

/// A span whose value was rejected at the door is marked in the trace detail: `!invalid` on its
/// waterfall row, and an `invalid` line naming the keys in its detail.
@Suite struct InvalidValueMarkTests {
    private static let id = TraceID(high: 9, low: 9)

    private func span(_ spanID: UInt64, cost: Double) -> SpanView? {
        let engine = Engine()
        let record = ViewFixture.span(Self.id, spanID, "chat", at: 0, ms: 10,
                                      attributes: [Attribute("gen_ai.request.model", .string("gpt-4o")),
                                                   Attribute("genops.cost.total", .double(cost))])
        engine.ingest(TraceBatch(resourceSpans: [ResourceSpans(resource: Resource(attributes: []), scopeSpans: [
            ScopeSpans(scope: InstrumentationScope(name: "t", version: "1"), spans: [record]),
        ])]))
        return engine.trace(Self.id)?.spans.first
    }

    @Test(arguments: [-1.0, .nan, .infinity, 1e308])
    func aRejectedCostIsMarked(cost: Double) throws {
        let view = try #require(span(1, cost: cost))
        #expect(view.invalidValues == ["genops.cost.total"])
        #expect(TraceDetailView.label(view).hasSuffix(" !invalid"))
        let lines = SpanDetailLines.build(view, traceStart: 0, parentInTrace: false)
        #expect(lines.contains { $0.label == "invalid" && $0.value == "genops.cost.total (not counted)" && $0.role == .critical })
    }

    @Test func aValidCostIsNotMarked() throws {
        let view = try #require(span(1, cost: 0.25))
        #expect(view.invalidValues.isEmpty)
        #expect(!TraceDetailView.label(view).contains("invalid"))
        #expect(!SpanDetailLines.build(view, traceStart: 0, parentInTrace: false).contains { $0.label == "invalid" })
    }
}
