import Foundation

/// Payloads whose attribute values nest far deeper than any decoder limit, built iteratively
/// (never by recursion) for both encodings.
enum NestingBombs {
    /// An ExportTraceServiceRequest with one valid span whose attribute is `depth` nested arrays.
    static func protobuf(depth: Int) -> [UInt8] {
        var value: [UInt8] = []
        for _ in 0..<depth {
            let array = field(1, value)          // ArrayValue.values
            value = field(5, array)              // AnyValue.array_value
        }
        let keyValue = field(1, Array("deep".utf8)) + field(2, value)
        let span = field(1, OTLPFixtures.traceID(9)) + field(2, OTLPFixtures.spanID(9))
            + field(5, Array("deep".utf8)) + field(9, keyValue)
        let scopeSpans = field(2, span)
        let resourceSpans = field(2, scopeSpans)
        return field(1, resourceSpans)
    }

    /// The same in OTLP/JSON.
    static func json(depth: Int) -> [UInt8] {
        let open = String(repeating: #"{"arrayValue":{"values":["#, count: depth)
        let close = String(repeating: "]}}", count: depth)
        let text = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708000000000000000a","#
            + #""spanId":"000000000000000a","name":"deep","attributes":[{"key":"deep","value":"#
            + open + #"{"stringValue":"bottom"}"# + close + "}]}]}]}]}"
        return Array(text.utf8)
    }

    private static func field(_ number: Int, _ payload: [UInt8]) -> [UInt8] {
        varint(UInt64(number << 3 | 2)) + varint(UInt64(payload.count)) + payload
    }

    private static func varint(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        return bytes
    }
}
