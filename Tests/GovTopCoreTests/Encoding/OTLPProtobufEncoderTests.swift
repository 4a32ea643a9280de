import Foundation
import GovTopCore
import OTLPProto
import SwiftProtobuf
import Testing

@Suite struct OTLPProtobufEncoderTests {
    @Test(arguments: 0..<300 as Range<UInt64>)
    func randomBatchesDecodeToTheMessageBuiltWithSwiftProtobuf(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let batch = EncodingOracleRandom.batch(&random)
        let encoded = OTLPProtobufEncoder.encode(batch)
        let expected = EncodingOracleMapping.request(batch)
        let decoded = try EncodingOracleMapping.Request(serializedBytes: encoded)
        let matches = decoded == expected
        #expect(matches, "seed \(seed): swift-protobuf decoded a different message")
        // Field order and proto3 defaults as swift-protobuf writes them: the very same bytes.
        let serialized: [UInt8] = try expected.serializedBytes()
        let sameBytes = encoded == serialized
        #expect(sameBytes, "seed \(seed): the bytes differ from swift-protobuf's serialization")
    }

    @Test func tinyBatchHasTheExactBytes() {
        let span = SpanRecord(traceID: TraceID(high: 1, low: 2), spanID: SpanID(3), name: "s", kind: .client,
                              startTimeUnixNano: 5, endTimeUnixNano: 6)
        let batch = TraceBatch(resourceSpans: [ResourceSpans(
            resource: Resource(attributes: [Attribute("service.name", .string("a"))]),
            scopeSpans: [ScopeSpans(spans: [span])])])
        let spanBytes: [UInt8] = [0x0A, 0x10, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2,
                                  0x12, 0x08, 0, 0, 0, 0, 0, 0, 0, 3,
                                  0x2A, 0x01, 0x73,
                                  0x30, 0x03,
                                  0x39, 5, 0, 0, 0, 0, 0, 0, 0,
                                  0x41, 6, 0, 0, 0, 0, 0, 0, 0]
        let keyValue: [UInt8] = [0x0A, 0x0C] + Array("service.name".utf8) + [0x12, 0x03, 0x0A, 0x01, 0x61]
        let resource: [UInt8] = [0x0A, UInt8(keyValue.count)] + keyValue
        let scopeSpans: [UInt8] = [0x12, UInt8(spanBytes.count)] + spanBytes
        let resourceSpans: [UInt8] = [0x0A, UInt8(resource.count)] + resource + [0x12, UInt8(scopeSpans.count)] + scopeSpans
        let expected: [UInt8] = [0x0A, UInt8(resourceSpans.count)] + resourceSpans
        #expect(expected.count == 80)
        #expect(OTLPProtobufEncoder.encode(batch) == expected)
    }

    @Test func emptyBatchIsAnEmptyMessage() {
        #expect(OTLPProtobufEncoder.encode(TraceBatch()).isEmpty)
    }

    @Test func setOneofMembersAreWrittenEvenWhenZero() {
        let span = SpanRecord(traceID: TraceID(high: 0, low: 1), spanID: SpanID(1), name: "",
                              startTimeUnixNano: 0, endTimeUnixNano: 0,
                              attributes: [Attribute("", .int(0)), Attribute("", .bool(false)), Attribute("", .string("")),
                                           Attribute("", .double(0)), Attribute("", .empty)])
        let encoded = OTLPProtobufEncoder.encode(TraceBatch(resourceSpans: [ResourceSpans(scopeSpans: [ScopeSpans(spans: [span])])]))
        let values = (try? EncodingOracleMapping.Request(serializedBytes: encoded))?
            .resourceSpans.first?.scopeSpans.first?.spans.first?.attributes.map(\.value) ?? []
        #expect(values.map(\.value) == [.intValue(0), .boolValue(false), .stringValue(""), .doubleValue(0), nil])
    }

    @Test(arguments: [0, 1, 127, 128, 16_383, 16_384, 70_000])
    func lengthsOfEverySizeRoundTrip(length: Int) throws {
        let text = String(repeating: "x", count: length)
        let span = SpanRecord(traceID: TraceID(high: 9, low: 9), spanID: SpanID(9), name: text,
                              startTimeUnixNano: 1, endTimeUnixNano: 2,
                              attributes: [Attribute("k", .array([.kvlist([Attribute(text, .string(text))])]))])
        let batch = TraceBatch(resourceSpans: [ResourceSpans(scopeSpans: [ScopeSpans(spans: [span])])])
        let decoded = try EncodingOracleMapping.Request(serializedBytes: OTLPProtobufEncoder.encode(batch))
        #expect(decoded == EncodingOracleMapping.request(batch))
    }

    @Test func negativeIntegersTakeTenBytes() {
        let span = SpanRecord(traceID: TraceID(high: 0, low: 1), spanID: SpanID(1), name: "", startTimeUnixNano: 0,
                              endTimeUnixNano: 0, attributes: [Attribute("", .int(-1))])
        let encoded = OTLPProtobufEncoder.encode(TraceBatch(resourceSpans: [ResourceSpans(scopeSpans: [ScopeSpans(spans: [span])])]))
        // KeyValue { value: AnyValue { int_value (field 3, varint) = ten bytes of two's complement } }
        let anyValue: [UInt8] = [0x18] + Array(repeating: 0xFF, count: 9) + [0x01]
        #expect(encoded.suffix(anyValue.count + 2) == [0x12, UInt8(anyValue.count)] + anyValue)
    }
}
