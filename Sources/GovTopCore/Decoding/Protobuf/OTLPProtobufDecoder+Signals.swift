/// Metrics and logs: the same entry-point contract as `decodeTraces` (allowance from
/// `limits.decodeAllowance(payloadBytes:)`, `.allocationLimit` before the memory exists).
extension OTLPProtobufDecoder {
    /// Decodes an `ExportMetricsServiceRequest` with points of every kind.
    public static func decodeMetrics(
        _ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()
    ) throws(OTLPDecodeError) -> MetricBatch {
        try decodeRequest(bytes, .metricsRequest, limits, empty: MetricBatch()) { reader, depth, allowance throws(OTLPDecodeError) in
            try MetricsRequestDecoder(maxValueDepth: depth, allowance: allowance).decodeRequest(&reader)
        }
    }

    /// Decodes an `ExportLogsServiceRequest`.
    public static func decodeLogs(
        _ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()
    ) throws(OTLPDecodeError) -> LogBatch {
        try decodeRequest(bytes, .logsRequest, limits, empty: LogBatch()) { reader, depth, allowance throws(OTLPDecodeError) in
            try LogsRequestDecoder(maxValueDepth: depth, allowance: allowance).decodeRequest(&reader)
        }
    }

    public static func decodeMetrics(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> MetricBatch {
        try bytes.withDecodeBuffer { buffer throws(OTLPDecodeError) in try decodeMetrics(buffer, limits: limits) }
    }

    public static func decodeLogs(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> LogBatch {
        try bytes.withDecodeBuffer { buffer throws(OTLPDecodeError) in try decodeLogs(buffer, limits: limits) }
    }

    /// An empty body is an empty request; otherwise `decode` reads the `kind` message with the
    /// depth limit and an allowance that lives for the call.
    private static func decodeRequest<Batch>(
        _ bytes: UnsafeRawBufferPointer, _ kind: ProtoMessageKind, _ limits: DecodeLimits, empty: Batch,
        _ decode: (inout ProtoReader, Int, DecodeAllowance) throws(OTLPDecodeError) -> Batch
    ) throws(OTLPDecodeError) -> Batch {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return empty }
        let allowance = DecodeAllowance(limit: limits.decodeAllowance(payloadBytes: bytes.count))
        defer { allowance.deallocate() }
        var reader = makeReader(base, bytes.count, kind, limits)
        return try decode(&reader, depthLimit(limits), allowance)
    }
}
