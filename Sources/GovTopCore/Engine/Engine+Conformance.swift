/// GenOps conformance: every span's verdict (worked out in phase one) counted per service.
extension Engine {
    /// Running conformance counts per service since start.
    public func conformance() -> ConformanceReport {
        state.withLock { $0.conformance.report() }
    }
}

extension EngineState {
    mutating func recordConformance(_ batch: PreparedBatch) {
        for span in batch.spans {
            conformance.record(span.conformance, service: span.facts.service, traceID: span.record.traceID,
                               spanID: span.record.spanID)
        }
    }
}
