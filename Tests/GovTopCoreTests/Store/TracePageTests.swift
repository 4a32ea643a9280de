import Synchronization
import Testing
@testable import GovTopCore

@Suite struct TracePageTests {
    private func engine() -> Engine {
        let engine = Engine()
        let costs: [Double] = [0.3, 0.1, 0.9, 0.5, 0.7]
        for (index, cost) in costs.enumerated() {
            let trace = UInt64(index + 1)
            var span = SpanFactory.llmCall(trace: trace, id: trace, team: index % 2 == 0 ? "ml" : "web", cost: cost,
                                           input: Int64(100 * (5 - index)), output: 0)
            span.endTimeUnixNano = span.startTimeUnixNano + UInt64(index + 1) * 7_000_000 % 30_000_000
            engine.ingest(SpanFactory.batch([span]))
        }
        return engine
    }

    @Test func ordersByCostDurationAndTokensBothWays() {
        let engine = engine()
        #expect(engine.tracePage(TraceQuery(order: .cost)).traces.map(\.costUSD) == [0.9, 0.7, 0.5, 0.3, 0.1])
        #expect(engine.tracePage(TraceQuery(order: .cost, ascending: true)).traces.map(\.costUSD) == [0.1, 0.3, 0.5, 0.7, 0.9])
        #expect(engine.tracePage(TraceQuery(order: .tokens)).traces.map(\.tokens) == [500, 400, 300, 200, 100])
        #expect(engine.tracePage(TraceQuery(order: .duration)).traces.map(\.durationMs) == [28, 21, 14, 7, 5])
        #expect(engine.tracePage(TraceQuery(order: .time)).traces.map(\.traceID.low) == [5, 4, 3, 2, 1])
        #expect(engine.tracePage(TraceQuery(order: .time, ascending: true)).traces.map(\.traceID.low) == [1, 2, 3, 4, 5])
    }

    @Test func pagesAndCountsWithAPredicate() {
        let engine = engine()
        let page = engine.tracePage(TraceQuery(limit: 2, offset: 1, order: .cost, predicate: { $0.team == "ml" }))
        #expect(page.traces.map(\.costUSD) == [0.7, 0.3])
        #expect(page.matched == 3)
        let newest = engine.tracePage(TraceQuery(limit: 1, offset: 1))
        #expect(newest.traces.map(\.traceID.low) == [4])
        #expect(newest.matched == 5)
    }

    @Test func boundedTopKeepsTheBest() {
        var top = BoundedTop<Int>(capacity: 3) { $0 < $1 }
        for value in [5, 1, 9, 3, 7, 2, 8] { top.insert(value) }
        #expect(top.sortedBestFirst() == [9, 8, 7])
        var none = BoundedTop<Int>(capacity: 0) { $0 < $1 }
        none.insert(1)
        #expect(none.sortedBestFirst().isEmpty)
    }
}

/// Attribute conditions are matched on bytes copied out under the engine's lock, after it is released.
@Suite struct AttributeFilterTests {
    private func engine() -> Engine {
        let engine = Engine()
        for trace in 1...6 {
            let system = trace % 3 == 0 ? "anthropic" : "openai"
            var span = SpanFactory.llmCall(trace: UInt64(trace), id: UInt64(trace), cost: Double(trace) / 4)
            span.attributes[0] = Attribute("gen_ai.system", .string(system))
            engine.ingest(SpanFactory.batch([span]))
        }
        return engine
    }

    /// A condition on `gen_ai.system` that also records whether the engine's lock was free.
    private func query(order: TraceOrder, limit: Int, engine: Engine, lockFree: LockProbe) -> TraceQuery {
        var query = TraceQuery(limit: limit, order: order)
        query.attributePredicate = { _, lookup in
            lockFree.record(engine.state.withLockIfAvailable { _ in true } != nil)
            return lookup("gen_ai.system").contains(.string("anthropic"))
        }
        return query
    }

    @Test(arguments: [TraceOrder.time, .cost])
    func attributeConditionsRunOutsideTheLock(order: TraceOrder) {
        let engine = engine()
        let probe = LockProbe()
        let page = engine.tracePage(query(order: order, limit: 1, engine: engine, lockFree: probe))
        #expect(page.matched == 2)
        #expect(page.traces.map(\.traceID.low) == [6])
        #expect(probe.calls == 6)
        #expect(probe.whileLocked == 0)
    }

    @Test func theDashboardReadsItsListAndOpenTraceInOneRead() {
        let engine = engine()
        let probe = LockProbe()
        var request = DashboardRequest(traces: query(order: .time, limit: 10, engine: engine, lockFree: probe))
        request.openTrace = SpanFactory.traceID(3)
        let snapshot = engine.dashboard(request)
        #expect(snapshot.traces.traces.map(\.traceID.low) == [6, 3])
        #expect(snapshot.trace?.spans.map(\.record.spanID) == [SpanID(3)])
        #expect(snapshot.summary.spansStored == 6)
        #expect(probe.whileLocked == 0 && probe.calls == 6)
        request.openTrace = SpanFactory.traceID(99)
        #expect(engine.dashboard(request).trace == nil)
    }
}

/// Counts calls of a filter and how many of them ran while the engine's lock was held.
final class LockProbe: Sendable {
    private let counts = Mutex((calls: 0, whileLocked: 0))
    var calls: Int { counts.withLock { $0.calls } }
    var whileLocked: Int { counts.withLock { $0.whileLocked } }

    func record(_ lockFree: Bool) {
        counts.withLock {
            $0.calls += 1
            if !lockFree { $0.whileLocked += 1 }
        }
    }
}
