/// GenOps conformance: every span's verdict (worked out in phase one) counted per service.
extension Engine {
    /// Running conformance counts per service since start.
    public func conformance() -> ConformanceReport {
        state.withLock { $0.conformance.report() }
    }
}

extension EngineState {
    mutating func recordConformance(_ batch: PreparedBatch) {
        // Spans that are not AWUs (most) are counted per run of one service; the run is counted
        // before any AWU, so services reach the tally in the order their spans came.
        var run = (service: "", count: 0)
        batch.forEachSpan { _, span in
            if case .notAWU = span.conformance {
                if run.count > 0 && run.service == span.facts.service {
                    run.count += 1
                } else {
                    conformance.recordNotAWU(run.count, service: run.service)
                    run = (span.facts.service, 1)
                }
                return
            }
            conformance.recordNotAWU(run.count, service: run.service)
            run.count = 0
            conformance.record(span.conformance, service: span.facts.service, traceID: span.stored.traceID,
                               spanID: span.stored.spanID)
        }
        conformance.recordNotAWU(run.count, service: run.service)
    }
}
