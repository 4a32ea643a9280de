import Foundation
import GovTopCore
import Testing

@Suite struct OTLPJSONEncoderTests {
    @Test(arguments: 0..<300 as Range<UInt64>)
    func randomBatchesDecodeBackToTheSameBatch(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let batch = EncodingOracleRandom.batch(&random)
        let encoded = OTLPJSONEncoder.encode(batch)
        let decoded = try OTLPJSONDecoder.decodeTraces(encoded)
        let matches = decoded == batch
        #expect(matches, "seed \(seed): the decoded batch differs from the encoded one")
        // Independent of govtop's decoder: Foundation accepts it as JSON.
        #expect((try? JSONSerialization.jsonObject(with: Data(encoded))) != nil, "seed \(seed)")
    }

    @Test func tinyBatchHasTheExactText() {
        let span = SpanRecord(traceID: TraceID(high: 1, low: 2), spanID: SpanID(3), name: "s", kind: .client,
                              startTimeUnixNano: 5, endTimeUnixNano: 6)
        let batch = TraceBatch(resourceSpans: [ResourceSpans(
            resource: Resource(attributes: [Attribute("service.name", .string("a"))]),
            scopeSpans: [ScopeSpans(spans: [span])])])
        let expected = #"{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}}]},"#
            + #""scopeSpans":[{"spans":[{"traceId":"00000000000000010000000000000002","spanId":"0000000000000003","#
            + #""name":"s","kind":3,"startTimeUnixNano":"5","endTimeUnixNano":"6"}]}]}]}"#
        #expect(String(decoding: OTLPJSONEncoder.encode(batch), as: UTF8.self) == expected)
    }

    @Test func everyFieldAndValueFormIsSpelledAsOTLPJSONSays() {
        let span = SpanRecord(
            traceID: TraceID(high: 0xABCD_EF01_2345_6789, low: 0xFEDC_BA98_7654_3210), spanID: SpanID(0x0102_0304_0506_0708),
            parentSpanID: SpanID(0xFFFF_FFFF_FFFF_FFFF), traceState: "k=v", flags: 257, name: "n", kind: .server,
            startTimeUnixNano: 18_446_744_073_709_551_615, endTimeUnixNano: 1,
            attributes: [
                Attribute("i", .int(-7)), Attribute("nan", .double(.nan)), Attribute("inf", .double(.infinity)),
                Attribute("-inf", .double(-.infinity)), Attribute("d", .double(1.5)), Attribute("e", .double(1e-7)),
                Attribute("b", .bytes([0xFF, 0x00])), Attribute("b1", .bytes([0x61])), Attribute("b0", .bytes([])),
                Attribute("s", .string("q\"\\\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}é😀/")), Attribute("f", .bool(false)),
                Attribute("x", .empty), Attribute("a", .array([])), Attribute("l", .kvlist([Attribute("k", .int(0))])),
            ],
            droppedAttributesCount: 2,
            events: [SpanEvent(timeUnixNano: 3, name: "ev", droppedAttributesCount: 1)], droppedEventsCount: 4,
            links: [SpanLink(traceID: TraceID(high: 0, low: 1), spanID: SpanID(2), flags: 1)], droppedLinksCount: 5,
            statusCode: .error, statusMessage: "boom")
        let text = String(decoding: OTLPJSONEncoder.encode(TraceBatch(resourceSpans: [ResourceSpans(
            schemaURL: "https://s", scopeSpans: [ScopeSpans(scope: InstrumentationScope(name: "sc", version: "1"), spans: [span])])])),
                          as: UTF8.self)
        let expectedSpan = #"{"traceId":"abcdef0123456789fedcba9876543210","spanId":"0102030405060708","traceState":"k=v","#
            + #""parentSpanId":"ffffffffffffffff","name":"n","kind":2,"startTimeUnixNano":"18446744073709551615","#
            + #""endTimeUnixNano":"1","attributes":["#
            + #"{"key":"i","value":{"intValue":"-7"}},{"key":"nan","value":{"doubleValue":"NaN"}},"#
            + #"{"key":"inf","value":{"doubleValue":"Infinity"}},{"key":"-inf","value":{"doubleValue":"-Infinity"}},"#
            + #"{"key":"d","value":{"doubleValue":1.5}},{"key":"e","value":{"doubleValue":1e-07}},"#
            + #"{"key":"b","value":{"bytesValue":"/wA="}},{"key":"b1","value":{"bytesValue":"YQ=="}},"#
            + #"{"key":"b0","value":{"bytesValue":""}},"#
            + #"{"key":"s","value":{"stringValue":"q\"\\\n\r\t\b\f\u0001\u001f\u007f"# + "é😀/" + #""}},"#
            + #"{"key":"f","value":{"boolValue":false}},{"key":"x","value":{}},{"key":"a","value":{"arrayValue":{"values":[]}}},"#
            + #"{"key":"l","value":{"kvlistValue":{"values":[{"key":"k","value":{"intValue":"0"}}]}}}],"#
            + #""droppedAttributesCount":2,"events":[{"timeUnixNano":"3","name":"ev","droppedAttributesCount":1}],"#
            + #""droppedEventsCount":4,"links":[{"traceId":"00000000000000000000000000000001","spanId":"0000000000000002","flags":1}],"#
            + #""droppedLinksCount":5,"status":{"message":"boom","code":2},"flags":257}"#
        let expected = #"{"resourceSpans":[{"scopeSpans":[{"scope":{"name":"sc","version":"1"},"spans":["# + expectedSpan
            + #"]}],"schemaUrl":"https://s"}]}"#
        #expect(text == expected)
    }

    @Test func nanAndInfinitiesReadBack() throws {
        let span = SpanRecord(traceID: TraceID(high: 0, low: 1), spanID: SpanID(1), name: "", startTimeUnixNano: 0,
                              endTimeUnixNano: 0, attributes: [Attribute("nan", .double(.nan)), Attribute("inf", .double(.infinity)),
                                                               Attribute("-inf", .double(-.infinity))])
        let decoded = try OTLPJSONDecoder.decodeTraces(OTLPJSONEncoder.encode(
            TraceBatch(resourceSpans: [ResourceSpans(scopeSpans: [ScopeSpans(spans: [span])])])))
        let values = decoded.resourceSpans.first?.scopeSpans.first?.spans.first?.attributes.map(\.value) ?? []
        #expect(values.count == 3)
        #expect(values.first?.number?.isNaN == true)
        #expect(values.dropFirst().map(\.number) == [.infinity, -.infinity])
    }

    /// Found by the otlp-protobuf fuzz target (seed `found-nan-payload-cost.pb`): a NaN with payload
    /// bits keeps them through protobuf, but JSON spells every NaN `"NaN"`. The JSON round trip is
    /// exact as JSON, and the cost is refused at the door either way.
    @Test func aNaNWithPayloadBitsIsExactThroughProtobufAndNaNThroughJSON() throws {
        let payloadNaN = Double(bitPattern: 0x7FF8_0000_0040_0000)
        let span = SpanRecord(traceID: TraceID(high: 0, low: 1), spanID: SpanID(1), name: "chat", startTimeUnixNano: 0,
                              endTimeUnixNano: 0, attributes: [Attribute("genops.cost.total", .double(payloadNaN))])
        let batch = TraceBatch(resourceSpans: [ResourceSpans(scopeSpans: [ScopeSpans(spans: [span])])])
        let protobuf = OTLPProtobufEncoder.encode(batch)
        #expect(OTLPProtobufEncoder.encode(try OTLPProtobufDecoder.decodeTraces(protobuf)) == protobuf)
        let json = OTLPJSONEncoder.encode(batch)
        #expect(String(decoding: json, as: UTF8.self).contains(#""doubleValue":"NaN""#))
        #expect(OTLPJSONEncoder.encode(try OTLPJSONDecoder.decodeTraces(json)) == json)
        let facts = Normalizer.facts(for: span, resource: FactValues([]), service: "svc")
        #expect(facts.reportedCost == nil)
        #expect(facts.invalidValues.contains("genops.cost.total"))
    }

    @Test func emptyBatchIsAnEmptyObject() {
        #expect(OTLPJSONEncoder.encode(TraceBatch()) == Array("{}".utf8))
    }
}
