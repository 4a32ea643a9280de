import Foundation
import GovTopCore
import OTLPProto
import Testing

/// Payloads that cannot be decoded: each must throw an error that says what and where.
@Suite struct ProtobufMalformedInputTests {
    /// A request whose only span is the valid span fields followed by `tail`, and the byte
    /// offset at which `tail` starts.
    static func spanWithTail(_ tail: [UInt8]) -> (bytes: [UInt8], tailOffset: Int) {
        let span = Wire.validSpanFields() + tail
        return (Wire.request(spans: [span]), Wire.offsetOfFirstSpan(in: [span]) + Wire.validSpanFields().count)
    }

    @Test func truncatedTagAndTruncatedVarint() {
        #expect(decodeError([0x80]) == OTLPDecodeError("truncated tag in ExportTraceServiceRequest at byte 0"))
        let (bytes, offset) = Self.spanWithTail([0x30, 0x80])
        #expect(decodeError(bytes) == OTLPDecodeError("truncated varint field 6 in Span at byte \(offset)"))
    }

    @Test func overlongVarint() {
        let (bytes, offset) = Self.spanWithTail([0x30] + [UInt8](repeating: 0xFF, count: 10) + [0x01])
        #expect(decodeError(bytes) == OTLPDecodeError("malformed varint field 6 (varint longer than 10 bytes) in Span at byte \(offset)"))
    }

    @Test func truncatedLengthAndLengthPastTheEnd() {
        #expect(decodeError([0x0A]) == OTLPDecodeError("truncated length of length-delimited field 1 in ExportTraceServiceRequest at byte 0"))
        #expect(decodeError([0x0A, 0x05, 0x01]) == OTLPDecodeError(
            "truncated length-delimited field 1 in ExportTraceServiceRequest at byte 0: length 5 but only 1 bytes remain"))
        #expect(decodeError([0x0A] + Wire.varint(.max)) == OTLPDecodeError(
            "truncated length-delimited field 1 in ExportTraceServiceRequest at byte 0: length 18446744073709551615 but only 0 bytes remain"))
        let (bytes, offset) = Self.spanWithTail([0x2A, 0x10, 0x61])
        #expect(decodeError(bytes) == OTLPDecodeError(
            "truncated length-delimited field 5 in Span at byte \(offset): length 16 but only 1 bytes remain"))
    }

    @Test func truncatedFixedWidthFields() {
        let (fixed64, offset64) = Self.spanWithTail([0x39, 1, 2, 3])
        #expect(decodeError(fixed64) == OTLPDecodeError("truncated fixed64 field 7 in Span at byte \(offset64)"))
        let (fixed32, offset32) = Self.spanWithTail(Wire.tag(16, Wire.fixed32Type) + [1, 2])
        #expect(decodeError(fixed32) == OTLPDecodeError("truncated fixed32 field 16 in Span at byte \(offset32)"))
    }

    /// A request cut at every possible length either decodes (when the cut falls between
    /// top-level fields) or throws; it never crashes or reads past the end.
    @Test func everyPrefixOfARequestDecodesOrThrows() throws {
        var generator = RandomTraceGenerator(seed: 77)
        generator.invalidIDRate = 0
        let bytes = try serialized(generator.request())
        for length in 0..<bytes.count {
            let prefix = Array(bytes[0..<length])
            let oracleAccepts = (try? ProtoTraceRequest(serializedBytes: prefix)) != nil
            #expect((decodeError(prefix) == nil) == oracleAccepts, "prefix of \(length) bytes")
        }
    }

    static let wrongWireTypes: [(String, [UInt8], String)] = [
        ("request field 1 as varint", Wire.varintField(1, 1), "field 1 of ExportTraceServiceRequest has wire type varint, expected length-delimited, at byte 0"),
        ("resource as fixed32", Wire.lengthDelimited(1, Wire.fixed32Field(1, 0)),
         "field 1 of ResourceSpans has wire type fixed32, expected length-delimited, at byte 2"),
        ("span name as varint", Wire.request(spans: [Wire.varintField(5, 1)]),
         "field 5 of Span has wire type varint, expected length-delimited, at byte 6"),
        ("span start time as varint", Wire.request(spans: [Wire.varintField(7, 1)]),
         "field 7 of Span has wire type varint, expected fixed64, at byte 6"),
        ("span flags as fixed64", Wire.request(spans: [Wire.fixed64Field(16, 1)]),
         "field 16 of Span has wire type fixed64, expected fixed32, at byte 6"),
        ("span kind as length-delimited", Wire.request(spans: [Wire.lengthDelimited(6, [1])]),
         "field 6 of Span has wire type length-delimited, expected varint, at byte 6"),
        ("span name as a group", Wire.request(spans: [Wire.group(5, [])]),
         "field 5 of Span has wire type start-group, expected length-delimited, at byte 6"),
        ("status code as fixed32", Wire.request(spans: [Wire.lengthDelimited(15, Wire.fixed32Field(3, 2))]),
         "field 3 of Status has wire type fixed32, expected varint, at byte 8"),
        ("AnyValue int as fixed64", Wire.request(spans: [Wire.lengthDelimited(9, Wire.lengthDelimited(2, Wire.fixed64Field(3, 1)))]),
         "field 3 of AnyValue has wire type fixed64, expected varint, at byte 10"),
        ("KeyValue key as varint", Wire.request(spans: [Wire.lengthDelimited(9, Wire.varintField(1, 1))]),
         "field 1 of KeyValue has wire type varint, expected length-delimited, at byte 8"),
        ("event time as varint", Wire.request(spans: [Wire.lengthDelimited(11, Wire.varintField(1, 1))]),
         "field 1 of Span.Event has wire type varint, expected fixed64, at byte 8"),
    ]

    @Test(arguments: wrongWireTypes.indices)
    func wrongWireTypeForAKnownField(index: Int) {
        let (name, bytes, message) = Self.wrongWireTypes[index]
        #expect(decodeError(bytes) == OTLPDecodeError(message), "\(name)")
    }

    @Test func invalidTags() {
        #expect(decodeError([0x0E]) == OTLPDecodeError("invalid wire type 6 for field 1 in ExportTraceServiceRequest at byte 0"))
        #expect(decodeError([0x0F]) == OTLPDecodeError("invalid wire type 7 for field 1 in ExportTraceServiceRequest at byte 0"))
        #expect(decodeError([0x00]) == OTLPDecodeError("invalid field number 0 in ExportTraceServiceRequest at byte 0"))
        #expect(decodeError(Wire.varint(UInt64(1) << 32) + [0]) == OTLPDecodeError(
            "invalid field number 536870912 in ExportTraceServiceRequest at byte 0"))
    }

    @Test func unknownGroupsMustBeWellFormed() {
        let (unterminated, offset1) = Self.spanWithTail(Wire.tag(100, Wire.startGroupType) + Wire.varintField(1, 1))
        #expect(decodeError(unterminated) == OTLPDecodeError("unterminated group field 100 in Span at byte \(offset1)"))
        let (stray, offset2) = Self.spanWithTail(Wire.tag(100, Wire.endGroupType))
        #expect(decodeError(stray) == OTLPDecodeError("unexpected end-group for field 100 in Span at byte \(offset2)"))
        let mismatchedTail = Wire.tag(100, Wire.startGroupType) + Wire.varintField(1, 1) + Wire.tag(101, Wire.endGroupType)
        let (mismatched, offset3) = Self.spanWithTail(mismatchedTail)
        #expect(decodeError(mismatched) == OTLPDecodeError(
            "end-group for field 101 closes group field 100 in Span at byte \(offset3 + mismatchedTail.count - 2)"))
    }

    @Test func groupBombIsRejectedWithoutDeepRecursion() {
        let bomb = Array([[UInt8]](repeating: Wire.tag(2, Wire.startGroupType), count: 100_000).joined())
        #expect(decodeError(bomb) == OTLPDecodeError("groups nested deeper than 32 levels in ExportTraceServiceRequest at byte 32"))
        let nested = (0..<32).reduce([UInt8]()) { body, _ in Wire.group(2, body) }
        #expect(decodeError(nested) == nil)
    }

    @Test func anyValueNestingBeyondTheLimit() throws {
        var span = protoSpan(name: "deep")
        span.attributes = [ProtoKeyValue()]
        span.attributes[0].value = nestedArray(depth: 33)
        let error = decodeError(try serialized(request([span])))
        #expect(error?.message.hasPrefix("AnyValue nested deeper than 32 levels at byte ") == true)

        span.attributes[0].value = nestedArray(depth: 5)
        let bytes = try serialized(request([span]))
        #expect(decodeError(bytes, limits: DecodeLimits(maxValueDepth: 5)) == nil)
        #expect(decodeError(bytes, limits: DecodeLimits(maxValueDepth: 4))?.message.hasPrefix("AnyValue nested deeper than 4 levels") == true)
    }

    /// Repeated arrays are shared by the decoder (the same bytes decode once), but only at the same
    /// depth: the same array one level deeper, inside a list, is judged against the limit again.
    @Test func aRepeatedArrayIsJudgedAtItsOwnDepth() throws {
        var span = protoSpan(name: "repeated")
        var list = Opentelemetry_Proto_Common_V1_KeyValueList()
        list.values = [keyValue("inner", nil)]
        list.values[0].value = nestedArray(depth: 4)
        span.attributes = [keyValue("top", nil), keyValue("again", nil), keyValue("listed", .kvlistValue(list))]
        span.attributes[0].value = nestedArray(depth: 4)
        span.attributes[1].value = nestedArray(depth: 4)
        let bytes = try serialized(request([span]))
        #expect(decodeError(bytes, limits: DecodeLimits(maxValueDepth: 5)) == nil)
        #expect(decodeError(bytes, limits: DecodeLimits(maxValueDepth: 4))?.message.hasPrefix("AnyValue nested deeper than 4 levels") == true)
        try expectSameAsOracle(bytes)
    }

    @Test func deepKeyValueListsCountTowardsTheLimitToo() throws {
        var value = anyValue(.intValue(1))
        for _ in 1..<32 {
            var list = Opentelemetry_Proto_Common_V1_KeyValueList()
            list.values = [keyValue("k", nil)]
            list.values[0].value = value
            value = anyValue(.kvlistValue(list))
        }
        var span = protoSpan(name: "deep")
        span.attributes = [keyValue("deep", nil)]
        span.attributes[0].value = value
        #expect(decodeError(try serialized(request([span]))) == nil)
        span.attributes[0].value = anyValue(.kvlistValue({ var list = Opentelemetry_Proto_Common_V1_KeyValueList(); list.values = [span.attributes[0]]; return list }()))
        #expect(decodeError(try serialized(request([span])))?.message.hasPrefix("AnyValue nested deeper than 32 levels") == true)
    }

    /// A hand-built bomb far deeper than any limit, and a limit far above the decoder's ceiling.
    @Test func depthBombAndAbsurdLimitsStayBounded() {
        let levels = 5000
        var value = Wire.varintField(3, 1)
        for _ in 0..<levels { value = Wire.lengthDelimited(5, Wire.lengthDelimited(1, value)) }
        let bytes = Wire.request(spans: [Wire.validSpanFields() + Wire.lengthDelimited(9, Wire.lengthDelimited(2, value))])
        #expect(decodeError(bytes)?.message.hasPrefix("AnyValue nested deeper than 32 levels") == true)
        #expect(decodeError(bytes, limits: DecodeLimits(maxValueDepth: .max))?.message.hasPrefix(
            "AnyValue nested deeper than \(OTLPProtobufDecoder.hardDepthCeiling) levels") == true)
    }

    static let invalidUTF8: [[UInt8]] = [
        [0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF],
        Array("a long attribute value, longer than 16 bytes ".utf8) + [0xE2, 0x28, 0xA1],
    ]

    /// Invalid UTF-8 is rejected (not repaired), wherever the string is, as swift-protobuf does.
    @Test(arguments: invalidUTF8)
    func invalidUTF8IsRejected(_ text: [UInt8]) {
        let placements: [(String, [UInt8])] = [
            ("Span", Wire.validSpanFields() + Wire.lengthDelimited(3, text)),
            ("KeyValue", Wire.validSpanFields() + Wire.lengthDelimited(9, Wire.lengthDelimited(1, text))),
            ("AnyValue", Wire.validSpanFields() + Wire.lengthDelimited(9, Wire.lengthDelimited(2, Wire.lengthDelimited(1, text)))),
        ]
        for (message, span) in placements {
            let bytes = Wire.request(spans: [span])
            #expect(decodeError(bytes)?.message.hasPrefix("invalid UTF-8 in string field ") == true)
            #expect(decodeError(bytes)?.message.contains(" of \(message) at byte ") == true)
            #expect((try? ProtoTraceRequest(serializedBytes: bytes)) == nil, "swift-protobuf agrees")
        }
    }
}
