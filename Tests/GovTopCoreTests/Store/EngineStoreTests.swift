import Foundation
import Testing
@testable import GovTopCore

@Suite struct EngineStoreTests {
    private func engine(maxSpans: Int = 1000, maxMemory: Int = 512 << 20) -> Engine {
        Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: maxSpans, maxMemoryBytes: maxMemory)))
    }

    @Test func countsAndTotalsAfterIngest() {
        let engine = engine()
        let result = engine.ingest(SpanFactory.batch([
            SpanFactory.llmCall(trace: 1, id: 1, cost: 0.25, input: 100, output: 50),
            SpanFactory.llmCall(trace: 1, id: 2, parent: 1, cost: 0.5, input: 10, output: 5),
            SpanFactory.span(trace: 2, id: 3, name: "GET /health"),
        ], rejected: 2))
        #expect(result == IngestResult(accepted: 3, rejected: 2))
        let summary = engine.summary()
        #expect(summary.spansReceived == 5)
        #expect(summary.spansRejected == 2)
        #expect(summary.spansStored == 3)
        #expect(summary.tracesStored == 2)
        #expect(summary.requestsTotal == 2)
        #expect(summary.costUSDTotal == 0.75)
        #expect(summary.inputTokensTotal == 110)
        #expect(summary.outputTokensTotal == 55)
    }

    @Test func evictionByCountKeepsTotalsAndDropsWholeTraces() {
        let engine = engine(maxSpans: 10)
        for trace in 1...20 {
            engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: UInt64(trace), id: UInt64(trace), cost: 0.1)]))
        }
        let summary = engine.summary()
        #expect(summary.spansStored == 10)
        #expect(summary.spansEvicted == 10)
        #expect(summary.tracesStored == 10)
        #expect(summary.requestsTotal == 20)
        #expect(abs(summary.costUSDTotal - 2.0) < 1e-12)
        #expect(engine.trace(SpanFactory.traceID(1)) == nil)
        #expect(engine.trace(SpanFactory.traceID(20))?.spans.count == 1)
        #expect(engine.traces(TraceQuery(limit: 100)).map(\.traceID) == (11...20).reversed().map { SpanFactory.traceID(UInt64($0)) })
    }

    @Test func evictionByMemoryKeepsTheStoreUnderItsBudget() {
        let limit = 256 << 10
        let engine = engine(maxSpans: 1_000_000, maxMemory: limit)
        let bigValue = String(repeating: "x", count: 2000)
        for index in 1...2000 {
            var span = SpanFactory.llmCall(trace: UInt64(index), id: UInt64(index))
            span.attributes.append(Attribute("prompt", .string(bigValue)))
            engine.ingest(SpanFactory.batch([span]))
        }
        let summary = engine.summary()
        #expect(summary.storeBytes <= limit)
        #expect(summary.spansEvicted > 1000)
        #expect(summary.spansStored + summary.spansEvicted == 2000)
        #expect(summary.requestsTotal == 2000)
    }

    @Test func partiallyEvictedTraceKeepsItsNewerSpansInOrder() {
        let engine = engine(maxSpans: 3)
        engine.ingest(SpanFactory.batch([SpanFactory.span(trace: 1, id: 1), SpanFactory.span(trace: 2, id: 2)]))
        engine.ingest(SpanFactory.batch([SpanFactory.span(trace: 1, id: 3, parent: 1), SpanFactory.span(trace: 1, id: 4, parent: 1)]))
        let spans = engine.trace(SpanFactory.traceID(1))?.spans.map(\.record.spanID)
        #expect(spans == [SpanID(3), SpanID(4)])
        #expect(engine.traces(TraceQuery()).first { $0.traceID == SpanFactory.traceID(1) }?.spanCount == 2)
    }

    @Test func traceSummaryTakesTheRootEvenWhenItArrivesLast() {
        let engine = engine()
        engine.ingest(SpanFactory.batch(service: "agent-svc", [
            SpanFactory.llmCall(trace: 7, id: 2, parent: 1, team: nil, cost: 0.2, model: "gpt-4o"),
            SpanFactory.llmCall(trace: 7, id: 3, parent: 1, team: nil, cost: 0.3, model: "claude-3-5-sonnet"),
        ]))
        #expect(engine.traces(TraceQuery()).first?.rootName == "chat gpt-4o")
        #expect(engine.traces(TraceQuery()).first?.hasRoot == false)
        let root = SpanFactory.span(trace: 7, id: 1, name: "invoke_agent support", durationMs: 900,
                                    attributes: [Attribute("genops.team", .string("support"))], status: .error)
        engine.ingest(SpanFactory.batch(service: "agent-svc", [root]))
        let summary = engine.traces(TraceQuery()).first
        #expect(summary?.rootName == "invoke_agent support")
        #expect(summary?.team == "support")
        #expect(summary?.spanCount == 3)
        #expect(summary?.errors == 1)
        #expect(summary?.models == ["gpt-4o", "claude-3-5-sonnet"])
        #expect(abs((summary?.costUSD ?? 0) - 0.5) < 1e-12)
        #expect(summary?.durationNanos == 900_000_000)
        #expect(summary?.service == "agent-svc")
    }

    @Test func listingFiltersByTeamModelAndServiceNewestFirst() {
        let engine = engine()
        engine.ingest(SpanFactory.batch(service: "a", [SpanFactory.llmCall(trace: 1, id: 1, team: "ml", model: "gpt-4o")]))
        engine.ingest(SpanFactory.batch(service: "b", [SpanFactory.llmCall(trace: 2, id: 2, team: "web", model: "o3")]))
        engine.ingest(SpanFactory.batch(service: "a", [SpanFactory.llmCall(trace: 3, id: 3, team: "ml", model: "o3")]))
        #expect(engine.traces(TraceQuery(team: "ml")).map(\.traceID.low) == [3, 1])
        #expect(engine.traces(TraceQuery(model: "o3")).map(\.traceID.low) == [3, 2])
        #expect(engine.traces(TraceQuery(service: "b")).map(\.traceID.low) == [2])
        #expect(engine.traces(TraceQuery(limit: 1)).map(\.traceID.low) == [3])
        #expect(engine.traces(TraceQuery(limit: 0)).isEmpty)
    }

    @Test func traceDetailReturnsTheSpansAsReceived() {
        let engine = engine()
        let span = SpanFactory.llmCall(trace: 5, id: 9)
        engine.ingest(SpanFactory.batch(service: "api", [span]))
        let detail = engine.trace(SpanFactory.traceID(5))
        #expect(detail?.spans.first?.record == span)
        #expect(detail?.spans.first?.service == "api")
        #expect(detail?.spans.first?.scope.name == "test")
    }

    @Test func concurrentIngestKeepsExactTotals() async {
        let engine = engine(maxSpans: 500)
        let costs = (0..<4000).map { Double($0 % 97) * 0.000_123_4 + 0.000_001 }
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for index in stride(from: worker, to: costs.count, by: 8) {
                        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: UInt64(index + 1), id: UInt64(index + 1), cost: costs[index])]))
                    }
                }
            }
        }
        var exact = CompensatedSum()
        for cost in costs { exact.add(cost) }
        let summary = engine.summary()
        #expect(summary.requestsTotal == 4000)
        #expect(abs(summary.costUSDTotal - exact.value) < 1e-9)
        #expect(summary.spansStored == 500)
        #expect(summary.spansEvicted == 3500)
    }

    @Test func metricAndLogCounters() {
        let engine = engine()
        engine.recordMetricPoints(5)
        engine.recordMetricPoints(2)
        engine.recordLogRecords(3)
        #expect(engine.summary().metricPointsReceived == 7)
        #expect(engine.summary().logRecordsReceived == 3)
    }
}
