import Foundation
import GovTopCore
import Testing

/// Spans and links with unusable ids are dropped alone; the rest of the batch is kept.
@Suite struct ProtobufInvalidIDTests {
    static let invalidSpans: [(String, @Sendable (inout ProtoSpan) -> Void, String)] = [
        ("short trace id", { $0.traceID = Data(repeating: 1, count: 15) }, "span 'bad' has an invalid trace_id (15 bytes, want 16)"),
        ("long trace id", { $0.traceID = Data(repeating: 1, count: 17) }, "span 'bad' has an invalid trace_id (17 bytes, want 16)"),
        ("missing trace id", { $0.traceID = Data() }, "span 'bad' has an invalid trace_id (0 bytes, want 16)"),
        ("zero trace id", { $0.traceID = Data(count: 16) }, "span 'bad' has an invalid trace_id (all zero)"),
        ("short span id", { $0.spanID = Data(repeating: 1, count: 7) }, "span 'bad' has an invalid span_id (7 bytes, want 8)"),
        ("missing span id", { $0.spanID = Data() }, "span 'bad' has an invalid span_id (0 bytes, want 8)"),
        ("zero span id", { $0.spanID = Data(count: 8) }, "span 'bad' has an invalid span_id (all zero)"),
        ("short parent id", { $0.parentSpanID = Data(repeating: 1, count: 3) },
         "span 'bad' has an invalid parent_span_id (3 bytes, want 8 or none)"),
    ]

    @Test(arguments: invalidSpans.indices)
    func aSpanWithBadIDsIsDroppedAlone(index: Int) throws {
        let (name, spoil, message) = Self.invalidSpans[index]
        var bad = protoSpan(name: "bad", spanByte: 2)
        spoil(&bad)
        let spans = [protoSpan(name: "before", spanByte: 1), bad, protoSpan(name: "after", spanByte: 3)]
        let batch = try expectSameAsOracle(try serialized(request(spans)))
        #expect(batch.rejectedSpans == 1, "\(name)")
        #expect(batch.rejectionMessage == message, "\(name)")
        #expect(batch.resourceSpans[0].scopeSpans[0].spans.map(\.name) == ["before", "after"], "\(name)")
    }

    @Test func theFirstReasonIsKeptAndEveryRejectionCounted() throws {
        var zeroParent = protoSpan(name: "zero parent is no parent", spanByte: 4)
        zeroParent.parentSpanID = Data(count: 8)
        let spans = Self.invalidSpans.map { _, spoil, _ in
            var span = protoSpan(name: "bad")
            spoil(&span)
            return span
        } + [zeroParent]
        let batch = try expectSameAsOracle(try serialized(request(spans)))
        #expect(batch.rejectedSpans == Self.invalidSpans.count)
        #expect(batch.rejectionMessage == Self.invalidSpans[0].2)
        #expect(batch.resourceSpans[0].scopeSpans[0].spans.map(\.parentSpanID) == [.none])
    }

    @Test func linksWithBadIDsAreDroppedButTheSpanIsKept() throws {
        func link(trace: Data, span: Data, state: String) -> ProtoSpan.Link {
            var link = ProtoSpan.Link()
            link.traceID = trace
            link.spanID = span
            link.traceState = state
            return link
        }
        let trace = Data(repeating: 9, count: 16)
        let spanID = Data(repeating: 8, count: 8)
        var span = protoSpan(name: "linked")
        span.links = [
            link(trace: trace, span: spanID, state: "kept"),
            link(trace: Data(repeating: 9, count: 15), span: spanID, state: "short trace"),
            link(trace: Data(count: 16), span: spanID, state: "zero trace"),
            link(trace: trace, span: Data(count: 8), state: "zero span"),
            link(trace: trace, span: Data(repeating: 8, count: 9), state: "long span"),
            link(trace: Data(), span: Data(), state: "missing"),
        ]
        let batch = try expectSameAsOracle(try serialized(request([span])))
        #expect(batch.rejectedSpans == 0)
        #expect(batch.rejectionMessage == nil)
        #expect(batch.resourceSpans[0].scopeSpans[0].spans.first?.links.map(\.traceState) == ["kept"])
    }
}
