import Testing
import GovTopCore

/// Hostile nesting and bytes: always an `OTLPDecodeError`, never a crash or a stack overflow.
@Suite struct OTLPJSONLimitTests {
    /// An attribute value nested `depth` levels deep through alternating arrays and key-value lists.
    private func nestedValue(depth: Int) -> String {
        var value = #"{"stringValue":"leaf"}"#
        for level in 1..<max(depth, 1) {
            value = level % 2 == 0
                ? #"{"arrayValue":{"values":["# + value + "]}}"
                : #"{"kvlistValue":{"values":[{"key":"k","value":"# + value + "}]}}"
        }
        return value
    }

    private func nesting(of value: AttributeValue) -> Int {
        switch value {
        case .array(let values): 1 + (values.map(nesting).max() ?? 0)
        case .kvlist(let attributes): 1 + (attributes.map { nesting(of: $0.value) }.max() ?? 0)
        default: 1
        }
    }

    @Test func valuesUpToTheDepthLimitDecode() throws {
        let batch = try decodeJSONTraces(jsonRequest(attributeValue: nestedValue(depth: 32)))
        let value = try #require(JSONFixtures.spans(batch).first?.attributes.first?.value)
        #expect(nesting(of: value) == 32)
    }

    @Test func valuesBeyondTheDepthLimitThrow() {
        let failure = jsonDecodeFailure(jsonRequest(attributeValue: nestedValue(depth: 33)))
        #expect(failure?.hasPrefix("AnyValue nested deeper than 32 levels at byte ") == true, "\(failure ?? "no error")")
    }

    @Test(arguments: [1, 2, 5])
    func theDepthLimitComesFromDecodeLimits(limit: Int) throws {
        let limits = DecodeLimits(maxValueDepth: limit)
        #expect(throws: Never.self) { try decodeJSONTraces(jsonRequest(attributeValue: nestedValue(depth: limit)), limits: limits) }
        let failure = jsonDecodeFailure(jsonRequest(attributeValue: nestedValue(depth: limit + 1)), limits: limits)
        #expect(failure?.hasPrefix("AnyValue nested deeper than \(limit) levels") == true, "\(failure ?? "no error")")
    }

    @Test func aMillionNestedArrayValuesStopAtTheLimit() {
        let bomb = String(repeating: #"{"arrayValue":{"values":["#, count: 1_000_000)
        let failure = jsonDecodeFailure(jsonRequest(attributeValue: bomb))
        #expect(failure?.hasPrefix("AnyValue nested deeper than 32 levels at byte ") == true, "\(failure ?? "no error")")
    }

    /// A nesting bomb, named rather than spelled out: the test log prints every argument in full.
    enum DepthBomb: CaseIterable, Sendable {
        case arrays, objects, arraysOfObjects

        var text: String {
            switch self {
            case .arrays: String(repeating: "[", count: 1_000_000)
            case .objects: String(repeating: #"{"a":"#, count: 1_000_000)
            case .arraysOfObjects: String(repeating: "[{\"a\":", count: 500_000)
            }
        }
    }

    @Test(arguments: DepthBomb.allCases)
    func depthBombsInUnknownFieldsStopAtTheNestingBound(kind: DepthBomb) {
        let bomb = kind.text
        let limit = 24 + 4 * 33
        let traces = jsonDecodeFailure(#"{"future":"# + bomb)
        #expect(traces?.hasPrefix("JSON nesting deeper than \(limit) levels at byte ") == true, "\(traces ?? "no error")")
        let span = jsonDecodeFailure(jsonRequest(span: jsonSpan(#","future":"# + bomb)))
        #expect(span?.hasPrefix("JSON nesting deeper than \(limit) levels at byte ") == true, "\(span ?? "no error")")
        #expect(throws: OTLPDecodeError.self) { try OTLPJSONDecoder.decodeMetrics(Array((#"{"resourceMetrics":"# + bomb).utf8)) }
        #expect(throws: OTLPDecodeError.self) {
            try OTLPJSONDecoder.decodeLogs(Array((#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":"# + bomb).utf8))
        }
    }

    @Test func aHugeConfiguredDepthIsStillCappedToProtectTheStack() {
        let limits = DecodeLimits(maxValueDepth: 1_000_000)
        let bomb = String(repeating: #"{"arrayValue":{"values":["#, count: 1_000_000)
        let failure = jsonDecodeFailure(jsonRequest(attributeValue: bomb), limits: limits)
        #expect(failure?.hasPrefix("JSON nesting deeper than 1024 levels at byte ") == true, "\(failure ?? "no error")")
    }

    @Test(arguments: [
        ([0xFF], "invalid UTF-8: unexpected byte 0xFF"),
        ([0x80], "invalid UTF-8: unexpected byte 0x80"),
        ([0xC0, 0x80], "invalid UTF-8: unexpected byte 0xC0"),
        ([0xC3], "invalid UTF-8: malformed sequence starting with 0xC3"),
        ([0xE0, 0x80, 0x80], "invalid UTF-8: malformed sequence starting with 0xE0"),
        ([0xED, 0xA0, 0x80], "invalid UTF-8: malformed sequence starting with 0xED"),
        ([0xE4, 0xB8], "invalid UTF-8: malformed sequence starting with 0xE4"),
        ([0xF4, 0x90, 0x80, 0x80], "invalid UTF-8: malformed sequence starting with 0xF4"),
        ([0xF0, 0x9F, 0x98, 0x41], "invalid UTF-8: malformed sequence starting with 0xF0"),
        ([0xF5, 0x80, 0x80, 0x80], "invalid UTF-8: unexpected byte 0xF5"),
    ] as [([UInt8], String)])
    func invalidUTF8InAnyStringIsRejected(sequence: [UInt8], message: String) {
        let prefix = Array(#"{"resourceSpans":[],"future":"ab"#.utf8)
        let inUnknownField = jsonDecodeFailure(bytes: prefix + sequence + Array(#""}"#.utf8))
        #expect(inUnknownField == message + " at byte 32 (line 1, column 33)")
        let inName = jsonDecodeFailure(bytes: Array(jsonRequest(span: jsonSpan(name: "x")).utf8).replacing(Array(#""name":"x""#.utf8), with: Array(#""name":"x"#.utf8) + sequence + [0x22]))
        #expect(inName?.hasPrefix(message) == true, "\(inName ?? "no error")")
        let inKey = jsonDecodeFailure(bytes: [0x7B, 0x22] + sequence + Array(#"":1}"#.utf8))
        #expect(inKey == message + " at byte 2 (line 1, column 3)")
    }

    @Test func invalidUTF8OutsideStringsIsNotAValue() {
        #expect(jsonDecodeFailure(bytes: Array(#"{"a":"#.utf8) + [0xC3, 0xA9] + [0x7D])
            == "malformed JSON: expected a value, found byte 0xC3 at byte 5 (line 1, column 6)")
    }

    @Test func validMultiByteUTF8RoundTrips() throws {
        let name = "é 中 𝄞 😀 \u{10FFFF} \u{FFFD}"
        let batch = try decodeJSONTraces(jsonRequest(span: jsonSpan(name: name)))
        #expect(JSONFixtures.spans(batch).first?.name == name)
    }
}
