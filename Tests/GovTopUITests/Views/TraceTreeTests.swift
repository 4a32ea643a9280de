import GovTopCore
import Testing
@testable import GovTopUI

/// The span tree of the detail screen, built from whatever arrived: orphans, cycles, repeated ids,
/// any depth.
@Suite struct TraceTreeTests {
    private static let id = TraceID(high: 7, low: 7)

    private func span(_ spanID: UInt64, parent: UInt64 = 0, _ name: String, at offsetMs: UInt64 = 0, ms: UInt64 = 10,
                      status: StatusCode = .unset, events: [SpanEvent] = []) -> SpanRecord {
        ViewFixture.span(Self.id, spanID, parent: parent, name, at: offsetMs, ms: ms, status: status, events: events)
    }

    /// The trace as the store returns it after ingesting `spans` in this order.
    private func trace(_ spans: [SpanRecord]) throws -> TraceDetail {
        let engine = Engine(clock: ViewTestClock(ViewFixture.start).clock)
        engine.ingest(TraceBatch(resourceSpans: [ViewFixture.batch("svc", spans)]))
        return try #require(engine.trace(Self.id))
    }

    private func names(_ tree: TraceTree, _ trace: TraceDetail) -> [String] {
        tree.nodes.map { String(repeating: "  ", count: $0.depth) + trace.spans[$0.span].record.name }
    }

    @Test func childrenFollowTheirParentInStartOrderWhateverTheArrivalOrder() throws {
        let detail = try trace([
            span(3, parent: 1, "second", at: 50), span(4, parent: 2, "grandchild", at: 20),
            span(2, parent: 1, "first", at: 10), span(1, "root", ms: 100),
        ])
        let tree = TraceTree(detail)
        #expect(names(tree, detail) == ["root", "  first", "    grandchild", "  second"])
        #expect(tree.rows.map(\.hasChildren) == [true, true, false, false])
        #expect(tree.rows.map(\.spanID) == ["0000000000000001", "0000000000000002", "0000000000000004", "0000000000000003"])
        #expect(tree.end - tree.start == 100_000_000)
    }

    @Test func spansWhoseParentIsMissingAreRootsInStartOrder() throws {
        let detail = try trace([span(5, parent: 99, "orphan late", at: 80), span(1, "root", at: 10, ms: 50),
                                span(6, parent: 98, "orphan early", at: 0), span(7, parent: 5, "orphan's child", at: 90)])
        let tree = TraceTree(detail)
        #expect(names(tree, detail) == ["orphan early", "root", "orphan late", "  orphan's child"])
    }

    @Test func parentCyclesAndSelfParentsStillShowEverySpanOnce() throws {
        let detail = try trace([span(1, "root"), span(2, parent: 3, "a", at: 5), span(3, parent: 2, "b", at: 7),
                                span(4, parent: 4, "self", at: 9)])
        let tree = TraceTree(detail)
        #expect(names(tree, detail) == ["root", "self", "a", "  b"])
        #expect(Set(tree.nodes.map(\.span)).count == detail.spans.count)
    }

    @Test func repeatedSpanIDsGetDistinctKeys() throws {
        let detail = try trace([span(1, "root"), span(2, parent: 1, "dup one", at: 5), span(2, parent: 1, "dup two", at: 6),
                                span(3, parent: 2, "child", at: 7)])
        let tree = TraceTree(detail)
        let keys = tree.rows.map(\.spanID)
        #expect(Set(keys).count == keys.count)
        #expect(keys.contains("0000000000000002#2"))
        #expect(names(tree, detail) == ["root", "  dup one", "    child", "  dup two"])
    }

    @Test func aVeryDeepChainIsBuiltWithoutRecursion() throws {
        let depth = 3000
        let spans = (1...depth).map { span(UInt64($0), parent: UInt64($0 - 1), "s\($0)", at: UInt64($0)) }
        let tree = TraceTree(try trace(spans.reversed()))
        #expect(tree.nodes.map(\.depth) == Array(0..<depth))
    }

    @Test func collapsedSubtreesAreHiddenExactlyAsNavigationCounts() throws {
        let detail = try trace([span(1, "root", ms: 100), span(2, parent: 1, "a", at: 1), span(3, parent: 2, "a1", at: 2),
                                span(4, parent: 1, "b", at: 3), span(5, parent: 4, "b1", at: 4)])
        let tree = TraceTree(detail)
        var state = TraceDetailState(traceID: Self.id.hex)
        #expect(tree.visibleNodes(state).count == 5)
        state.collapsed = ["0000000000000002"]
        #expect(tree.visibleNodes(state) == [0, 1, 3, 4])
        #expect(tree.visibleNodes(state) == state.visibleRowIndices(in: tree.rows))
        state.collapsed = ["0000000000000001"]
        #expect(tree.visibleNodes(state) == [0])
    }

    @Test func errorsAndViolationsComeFromStatusAndFromPolicyResultsOnEvents() throws {
        let blocked = SpanEvent(timeUnixNano: ViewFixture.start, name: "policy.evaluated",
                                attributes: [Attribute("genops.policy.result", .string("BLOCKED"))])
        let allowed = SpanEvent(timeUnixNano: ViewFixture.start, name: "policy.evaluated",
                                attributes: [Attribute("genops.policy.result", .string("allowed"))])
        let detail = try trace([span(1, "root", status: .error), span(2, parent: 1, "v", at: 1, events: [blocked]),
                                span(3, parent: 1, "ok", at: 2, events: [allowed])])
        let rows = TraceTree(detail).rows
        #expect(rows.map(\.isError) == [true, false, false])
        #expect(rows.map(\.isViolation) == [false, true, false])
    }
}
