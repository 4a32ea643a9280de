/// Parses the hex trace and span ids of OTLP/JSON (any case) and says why one is invalid.
///
/// An invalid id is not a payload error: the span (or link) that carries it is dropped alone,
/// with the reason in the batch's rejection message.
enum OTLPJSONIDs {
    enum Parsed<ID> {
        case valid(ID)
        case invalid(reason: String)
    }

    static func traceID(_ hex: UnsafeRawBufferPointer?) -> Parsed<TraceID> {
        guard let hex else { return .invalid(reason: "missing, want 32 hex digits") }
        guard hex.count == 32 else { return .invalid(reason: lengthReason(hex.count, want: 32)) }
        guard let high = uint64(hex, from: 0), let low = uint64(hex, from: 16) else {
            return .invalid(reason: "not a hex string")
        }
        let id = TraceID(high: high, low: low)
        return id.isValid ? .valid(id) : .invalid(reason: "all zero")
    }

    /// A span's own id or a link's span id: 16 hex digits, not all zero.
    static func spanID(_ hex: UnsafeRawBufferPointer?) -> Parsed<SpanID> {
        guard let hex else { return .invalid(reason: "missing, want 16 hex digits") }
        guard hex.count == 16 else { return .invalid(reason: lengthReason(hex.count, want: 16)) }
        guard let value = uint64(hex, from: 0) else { return .invalid(reason: "not a hex string") }
        return value != 0 ? .valid(SpanID(value)) : .invalid(reason: "all zero")
    }

    /// A parent span id: absent or empty for a root span, else 16 hex digits.
    static func parentSpanID(_ hex: UnsafeRawBufferPointer?) -> Parsed<SpanID> {
        guard let hex, hex.count > 0 else { return .valid(.none) }
        guard hex.count == 16 else { return .invalid(reason: lengthReason(hex.count, want: 16)) }
        guard let value = uint64(hex, from: 0) else { return .invalid(reason: "not a hex string") }
        return .valid(SpanID(value))
    }

    private static func lengthReason(_ count: Int, want: Int) -> String {
        count == 0 ? "empty, want \(want) hex digits" : "\(count) characters, want \(want) hex digits"
    }

    private static func uint64(_ hex: UnsafeRawBufferPointer, from start: Int) -> UInt64? {
        var value: UInt64 = 0
        for index in start..<(start + 16) {
            guard let nibble = HexCoding.nibble(hex[index]) else { return nil }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }
}
