/// Decodes OTLP/HTTP requests in the JSON Protobuf Encoding (`Content-Type: application/json`).
///
/// Follows the OTLP specification's rules (hex trace and span ids in any case, lowerCamelCase
/// keys, integer enums, 64-bit integers as decimal strings or numbers, unknown fields ignored at
/// every level) and accepts what proto3 JSON parsers accept besides: snake_case proto field
/// names, enum name strings, `null` as an absent field. The parser is strict RFC 8259 over UTF-8
/// and bounds nesting by `DecodeLimits`; every error says what was wrong and at which byte,
/// line and column. What a trace request builds is bounded like the protobuf decoder's (see
/// `DecodeAllowance`); `null` items of repeated fields are counted (`TraceBatch.nullItemsDropped`,
/// or as rejected spans).
public enum OTLPJSONDecoder {
    public static func decodeTraces(_ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> TraceBatch {
        let allowance = DecodeAllowance(limit: limits.decodeAllowance(payloadBytes: bytes.count))
        defer { allowance.deallocate() }
        return try decodeTraces(bytes, limits: limits, allowance: allowance)
    }

    /// Decodes an `ExportTraceServiceRequest`, charging what it builds to `allowance`.
    static func decodeTraces(_ bytes: UnsafeRawBufferPointer, limits: DecodeLimits,
                             allowance: DecodeAllowance) throws(OTLPDecodeError) -> TraceBatch {
        var reader = JSONReader(bytes, maxDepth: JSONReader.nestingLimit(for: limits))
        var traces = OTLPJSONTraces(limits: limits, allowance: allowance)
        return try traces.decode(&reader)
    }

    public static func decodeTraces(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> TraceBatch {
        try bytes.withDecodeBuffer { buffer throws(OTLPDecodeError) in try decodeTraces(buffer, limits: limits) }
    }
}
