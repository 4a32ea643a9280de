import Testing
@testable import GovTopCore

@Suite struct SpanPayloadTests {
    @Test func everyFieldSurvivesTheCompactForm() {
        let nested: AttributeValue = .kvlist([Attribute("inner", .array([.int(-1), .double(-0.0), .bool(true), .empty,
                                                                         .bytes([0, 255]), .string("ünï 🚀")]))])
        let original = SpanRecord(
            traceID: TraceID(high: 1, low: 2), spanID: SpanID(3), parentSpanID: SpanID(4), traceState: "k=v", flags: 0x301,
            name: "invoke_agent", kind: .server, startTimeUnixNano: 10, endTimeUnixNano: 20,
            attributes: [Attribute("genops.team", .string("ml")), Attribute("custom.key.not.well.known", nested),
                         Attribute("gen_ai.usage.input_tokens", .int(Int64.min)), Attribute("x", .int(Int64.max)),
                         Attribute("d", .double(.infinity))],
            droppedAttributesCount: 7,
            events: [SpanEvent(timeUnixNano: 15, name: "policy.evaluated", attributes: [Attribute("genops.policy.result", .string("blocked"))], droppedAttributesCount: 1)],
            droppedEventsCount: 2,
            links: [SpanLink(traceID: TraceID(high: 9, low: 9), spanID: SpanID(8), traceState: "a=b", attributes: [Attribute("l", .bool(false))], droppedAttributesCount: 3, flags: 1)],
            droppedLinksCount: 4, statusCode: .error, statusMessage: "boom")
        var decoded = SpanRecord(traceID: original.traceID, spanID: original.spanID, parentSpanID: original.parentSpanID,
                                 name: original.name, kind: original.kind, startTimeUnixNano: 10, endTimeUnixNano: 20, statusCode: .error)
        SpanPayload.decode(SpanPayload.encode(original), into: &decoded)
        #expect(decoded == original)
    }

    /// One encoder writes a batch's spans one after the other into one buffer that grows past its
    /// first kilobyte; each payload is exactly its own span's, whatever came before it.
    @Test func oneEncoderWritesLargeAndSmallSpansInAnyOrder() {
        let large = SpanFactory.span(trace: 1, id: 1, attributes: [
            Attribute("gen_ai.prompt", .string(String(repeating: "ü", count: 3_000))),
            Attribute("blob", .bytes([UInt8](repeating: 7, count: 5_000))),
            Attribute("list", .array((0..<300).map { .int(Int64($0) << 40) }))])
        let small = SpanFactory.span(trace: 1, id: 2, attributes: [Attribute("genops.team", .string("ml"))])
        var encoder = SpanPayload.Encoder()
        let ranges = [small, large, small, large].map { encoder.encode($0) }
        let all = encoder.bytes
        #expect(ranges.map(\.count).reduce(0, +) == all.count && ranges[3].upperBound == all.count)
        let written = ranges.map { Array(all[$0]) }
        #expect(written[0] == written[2] && written[1] == written[3])
        #expect(written[1].count > 11_000)
        for (span, payload) in zip([small, large, small, large], written) {
            var decoded = span
            decoded.attributes = []
            SpanPayload.decode(payload, into: &decoded)
            #expect(decoded == span)
            #expect(payload == SpanPayload.encode(span))
        }
    }

    @Test func wellKnownKeysCostOneByte() {
        let span = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute("gen_ai.usage.input_tokens", .int(1))])
        let unknown = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute("zz.usage.input_tokens.x", .int(1))])
        #expect(SpanPayload.encode(unknown).count - SpanPayload.encode(span).count == 1 + "zz.usage.input_tokens.x".utf8.count)
    }
}
