/// govtop's own decoder for OTLP/protobuf export requests (`application/x-protobuf`).
///
/// It reads the request bytes in place and builds govtop's model directly, without the
/// intermediate generated message types; on a GenAI-shaped 512-span batch it is several times
/// faster than swift-protobuf's generated decoder (see `swift run -c release govtop-bench`).
///
/// Behaviour beyond the shared decoder contract:
/// - Strings must be valid UTF-8, or the payload is rejected (see `ProtoReader.readString`).
/// - A known field sent with the wrong wire type rejects the payload with an error naming the
///   field (swift-protobuf would silently treat it as an unknown field and lose the value).
/// - A singular message field that occurs twice is merged as protobuf specifies (for example two
///   `resource` fields concatenate their attributes); a repeated scalar field keeps the last value.
/// - `AnyValue.string_value_strindex` and `KeyValue.key_strindex` refer to a profiles dictionary
///   that trace requests do not carry; such a value decodes as `.empty`, such a key is ignored.
/// - Unknown groups nest at most `limits.maxValueDepth` levels, like `AnyValue`s; both limits
///   are capped at `hardDepthCeiling` so that a misconfigured limit cannot exhaust the stack.
public enum OTLPProtobufDecoder {
    /// The deepest nesting accepted whatever `DecodeLimits` says (the decoder recurses per level).
    public static let hardDepthCeiling = 256

    /// Decodes an `ExportTraceServiceRequest`. What the batch will cost until it is ingested is
    /// bounded by `limits.decodeAllowance(payloadBytes:)`; a payload that needs more fails with
    /// the `.allocationLimit` error before that memory is allocated.
    public static func decodeTraces(
        _ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()
    ) throws(OTLPDecodeError) -> TraceBatch {
        let allowance = DecodeAllowance(limit: limits.decodeAllowance(payloadBytes: bytes.count))
        defer { allowance.deallocate() }
        return try decodeTraces(bytes, limits: limits, allowance: allowance)
    }

    /// Decodes an `ExportTraceServiceRequest`, charging what it builds to `allowance`.
    static func decodeTraces(
        _ bytes: UnsafeRawBufferPointer, limits: DecodeLimits, allowance: DecodeAllowance
    ) throws(OTLPDecodeError) -> TraceBatch {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return TraceBatch() }
        var reader = makeReader(base, bytes.count, .traceRequest, limits)
        var decoder = TraceRequestDecoder(maxValueDepth: depthLimit(limits), keys: WellKnownKeys.shared, allowance: allowance)
        return try decoder.decodeRequest(&reader)
    }

    public static func decodeTraces(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> TraceBatch {
        try bytes.withDecodeBuffer { buffer throws(OTLPDecodeError) in try decodeTraces(buffer, limits: limits) }
    }

    /// `limits.maxValueDepth`, capped at `hardDepthCeiling`.
    static func depthLimit(_ limits: DecodeLimits) -> Int {
        min(max(limits.maxValueDepth, 0), hardDepthCeiling)
    }

    static func makeReader(
        _ base: UnsafeRawPointer, _ count: Int, _ kind: ProtoMessageKind, _ limits: DecodeLimits
    ) -> ProtoReader {
        ProtoReader(base: base, position: 0, end: count, message: kind, maxGroupDepth: depthLimit(limits))
    }
}
