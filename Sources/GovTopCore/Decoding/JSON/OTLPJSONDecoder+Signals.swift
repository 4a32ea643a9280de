/// Metrics and logs: the same entry-point contract as `decodeTraces`.
extension OTLPJSONDecoder {
    public static func decodeMetrics(_ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> MetricBatch {
        let allowance = DecodeAllowance(limit: limits.decodeAllowance(payloadBytes: bytes.count))
        defer { allowance.deallocate() }
        var reader = JSONReader(bytes, maxDepth: JSONReader.nestingLimit(for: limits))
        var metrics = OTLPJSONMetrics(limits: limits, allowance: allowance)
        return try metrics.decode(&reader)
    }

    public static func decodeLogs(_ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> LogBatch {
        let allowance = DecodeAllowance(limit: limits.decodeAllowance(payloadBytes: bytes.count))
        defer { allowance.deallocate() }
        var reader = JSONReader(bytes, maxDepth: JSONReader.nestingLimit(for: limits))
        var logs = OTLPJSONLogs(limits: limits, allowance: allowance)
        return try logs.decode(&reader)
    }

    public static func decodeMetrics(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> MetricBatch {
        try bytes.withDecodeBuffer { buffer throws(OTLPDecodeError) in try decodeMetrics(buffer, limits: limits) }
    }

    public static func decodeLogs(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> LogBatch {
        try bytes.withDecodeBuffer { buffer throws(OTLPDecodeError) in try decodeLogs(buffer, limits: limits) }
    }
}
