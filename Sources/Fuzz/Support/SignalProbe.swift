import GovTopCore

/// Metrics and logs in the fuzz targets: a body that decodes as either feeds a small governed
/// engine, which must take every decoded point and record (metered or refused, never lost) and
/// whose metered figures must stay sane.
public enum SignalProbe {
    public static func check(_ body: UnsafeRawBufferPointer, limits: DecodeLimits, protobuf: Bool) {
        let metrics = try? protobuf ? OTLPProtobufDecoder.decodeMetrics(body, limits: limits) : OTLPJSONDecoder.decodeMetrics(body, limits: limits)
        let logs = try? protobuf ? OTLPProtobufDecoder.decodeLogs(body, limits: limits) : OTLPJSONDecoder.decodeLogs(body, limits: limits)
        guard metrics != nil || logs != nil else { return }
        let engine = Engine(configuration: EngineConfiguration(
            policies: [PolicyRule(name: "pii", check: .pattern("SSN [0-9-]+", keys: nil), action: .redact)]))
        if let metrics {
            FuzzCheck.require(engine.ingest(metrics) == metrics.pointCount, "metric points not all counted")
            let metering = engine.meteringSnapshot()
            FuzzCheck.require(metering.totals.inputTokens >= 0 && metering.totals.outputTokens >= 0, "negative metered tokens")
            FuzzCheck.require(metering.totals.cost >= .zero, "negative metered cost")
        }
        if let logs {
            FuzzCheck.require(engine.ingest(logs) == logs.recordCount, "log records not all counted")
            FuzzCheck.require(engine.logStoreStatus().stored + engine.logStoreStatus().refused == logs.recordCount, "log records lost")
        }
    }
}
