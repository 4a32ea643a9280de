/// Metrics and logs: the same entry-point contract as `decodeTraces`.
extension OTLPJSONDecoder {
    public static func decodeMetrics(_ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> MetricBatch {
        try decode(bytes, limits, MetricsEnvelope.self, item: OTLPJSONMetrics.metric)
    }

    public static func decodeLogs(_ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> LogBatch {
        try decode(bytes, limits, LogsEnvelope.self, item: OTLPJSONLogs.record)
    }

    public static func decodeMetrics(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> MetricBatch {
        try bytes.withDecodeBuffer { buffer throws(OTLPDecodeError) in try decodeMetrics(buffer, limits: limits) }
    }

    public static func decodeLogs(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> LogBatch {
        try bytes.withDecodeBuffer { buffer throws(OTLPDecodeError) in try decodeLogs(buffer, limits: limits) }
    }

    /// Reads a `Signal` request with an allowance that lives for the call and the nesting bound of `limits`.
    private static func decode<Signal: OTLPSignalEnvelope>(
        _ bytes: UnsafeRawBufferPointer, _ limits: DecodeLimits, _: Signal.Type, item: OTLPJSONEnvelope<Signal>.ItemDecoder
    ) throws(OTLPDecodeError) -> Signal.Batch {
        let allowance = DecodeAllowance(limit: limits.decodeAllowance(payloadBytes: bytes.count))
        defer { allowance.deallocate() }
        var reader = JSONReader(bytes, maxDepth: JSONReader.nestingLimit(for: limits))
        var values = OTLPJSONValues(limits: limits, allowance: allowance)
        return try OTLPJSONEnvelope<Signal>.decode(&reader, values: &values, item: item)
    }
}
