/// Metrics and logs: the same entry-point contract as `decodeTraces` (allowance from
/// `limits.decodeAllowance(payloadBytes:)`, `.allocationLimit` before the memory exists).
extension OTLPProtobufDecoder {
    /// Decodes an `ExportMetricsServiceRequest` with points of every kind.
    public static func decodeMetrics(
        _ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()
    ) throws(OTLPDecodeError) -> MetricBatch {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return MetricBatch() }
        let allowance = DecodeAllowance(limit: limits.decodeAllowance(payloadBytes: bytes.count))
        defer { allowance.deallocate() }
        let depth = min(max(limits.maxValueDepth, 0), hardDepthCeiling)
        var reader = ProtoReader(base: base, position: 0, end: bytes.count, message: .metricsRequest, maxGroupDepth: depth)
        return try MetricsRequestDecoder(maxValueDepth: depth, allowance: allowance).decodeRequest(&reader)
    }

    /// Decodes an `ExportLogsServiceRequest`.
    public static func decodeLogs(
        _ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()
    ) throws(OTLPDecodeError) -> LogBatch {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return LogBatch() }
        let allowance = DecodeAllowance(limit: limits.decodeAllowance(payloadBytes: bytes.count))
        defer { allowance.deallocate() }
        let depth = min(max(limits.maxValueDepth, 0), hardDepthCeiling)
        var reader = ProtoReader(base: base, position: 0, end: bytes.count, message: .logsRequest, maxGroupDepth: depth)
        return try LogsRequestDecoder(maxValueDepth: depth, allowance: allowance).decodeRequest(&reader)
    }

    public static func decodeMetrics(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> MetricBatch {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(OTLPDecodeError) in try decodeMetrics(buffer, limits: limits) }
        }.get()
    }

    public static func decodeLogs(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> LogBatch {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(OTLPDecodeError) in try decodeLogs(buffer, limits: limits) }
        }.get()
    }
}
