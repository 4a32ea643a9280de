/// A span as the store holds it: fixed fields inline, the variable part as a compact payload,
/// resource and scope shared through `SpanOrigin`, and the few facts a frame or a trace summary needs.
struct StoredSpan {
    var traceID: TraceID
    var spanID: SpanID
    var parentSpanID: SpanID
    var startTimeUnixNano: UInt64
    var endTimeUnixNano: UInt64
    var name: String
    var origin: SpanOrigin
    var payload: [UInt8]
    /// Cost in USD (reported or estimated); 0 when none.
    var costUSD: Double
    var inputTokens: UInt32
    var outputTokens: UInt32
    var kind: SpanKind
    var statusCode: StatusCode
    var flags: SpanFlags
    /// Sequence number of the next span of the same trace in arrival order, or `noNext`.
    var nextInTrace: UInt64 = StoredSpan.noNext

    static let noNext = UInt64.max

    /// Heap bytes this span holds beyond its slot in the ring (the payload buffer and a long name
    /// that was not interned).
    var heapBytes: Int {
        StoredSpan.mallocSize(32 + payload.count) + (nameIsShared || name.utf8.count <= 15 ? 0 : StoredSpan.mallocSize(32 + name.utf8.count))
    }

    /// Whether `name` came from the interner (its bytes are counted there).
    var nameIsShared: Bool { flags.contains(.sharedName) }

    /// The span back in model form, for the API and the trace detail view.
    var record: SpanRecord {
        var record = SpanRecord(traceID: traceID, spanID: spanID, parentSpanID: parentSpanID, name: name, kind: kind,
                                startTimeUnixNano: startTimeUnixNano, endTimeUnixNano: endTimeUnixNano, statusCode: statusCode)
        SpanPayload.decode(payload, into: &record)
        return record
    }

    /// malloc rounds requests up to 16 bytes and adds an 8-byte header.
    static func mallocSize(_ bytes: Int) -> Int { (bytes + 8 + 15) & ~15 }
}

/// Yes/no facts about a stored span.
struct SpanFlags: OptionSet {
    let rawValue: UInt8
    static let aiRequest = SpanFlags(rawValue: 1)
    static let error = SpanFlags(rawValue: 2)
    static let policyViolation = SpanFlags(rawValue: 4)
    static let evalFailure = SpanFlags(rawValue: 8)
    static let estimatedCost = SpanFlags(rawValue: 16)
    static let unpriced = SpanFlags(rawValue: 32)
    static let sharedName = SpanFlags(rawValue: 64)
}
