import GovTopCore

/// Turns a complete export body into engine input and a response: inflate (bounded),
/// decode, hand to the engine. Runs on a worker thread, never on an event loop.
struct ExportProcessor: Sendable {
    let engine: Engine
    let maxBodyBytes: Int
    let decodeLimits: DecodeLimits

    func process(_ request: ExportRequest, body: UnsafeRawBufferPointer) -> HTTPResponse {
        do throws(RequestFailure) {
            let outcome = try export(request, body: body)
            return OTLPResponseEncoder.success(outcome, format: request.format)
        } catch {
            return OTLPResponseEncoder.failure(error, format: request.format)
        }
    }

    private func export(_ request: ExportRequest, body: UnsafeRawBufferPointer) throws(RequestFailure) -> ExportOutcome {
        guard request.encoding != .identity else {
            return try decode(request, payload: body)
        }
        let inflated: [UInt8]
        do {
            inflated = try BoundedInflater.inflate(body, encoding: request.encoding, limit: maxBodyBytes)
        } catch {
            switch error {
            case .tooLarge(let limit):
                throw RequestFailure(status: 413, message: "decompressed request body exceeds the limit of \(limit) bytes")
            case .corrupt(let reason):
                throw .badRequest("\(request.encoding) request body could not be decompressed: \(reason)")
            }
        }
        let result = inflated.withUnsafeBytes { payload in
            Result { () throws(RequestFailure) in try decode(request, payload: payload) }
        }
        return try result.get()
    }

    private func decode(_ request: ExportRequest, payload: UnsafeRawBufferPointer) throws(RequestFailure) -> ExportOutcome {
        guard payload.count > 0 else { return .accepted(request.signal) }
        do throws(OTLPDecodeError) {
            switch request.signal {
            case .traces:
                let result: IngestResult
                let batch: TraceBatch
                if request.format == .protobuf {
                    batch = try OTLPProtobufDecoder.decodeTraces(payload, limits: decodeLimits)
                    // Protobuf strings are verbatim UTF-8 in the body: the policy screen can read them
                    // there. Not when values may nest deeper than the pattern scanner looks: it masks
                    // those whole whatever they hold, so they must reach the per-span screen.
                    result = decodeLimits.maxValueDepth <= PolicyEvaluator.maxValueDepth
                        ? engine.ingest(batch, verbatimSource: payload) : engine.ingest(batch)
                } else {
                    batch = try OTLPJSONDecoder.decodeTraces(payload, limits: decodeLimits)
                    result = engine.ingest(batch)
                }
                return Self.outcome(batch: batch, result: result)
            case .metrics:
                let points = try request.format == .protobuf
                    ? OTLPProtobufDecoder.countMetricDataPoints(payload, limits: decodeLimits)
                    : OTLPJSONDecoder.countMetricDataPoints(payload, limits: decodeLimits)
                engine.recordMetricPoints(points)
                return .accepted(.metrics)
            case .logs:
                let records = try request.format == .protobuf
                    ? OTLPProtobufDecoder.countLogRecords(payload, limits: decodeLimits)
                    : OTLPJSONDecoder.countLogRecords(payload, limits: decodeLimits)
                engine.recordLogRecords(records)
                return .accepted(.logs)
            }
        } catch {
            throw .badRequest("invalid \(Self.messageName(request)): \(error.message)")
        }
    }

    /// Spans not accepted (the engine's count covers those the decoder dropped for bad ids),
    /// with the decoder's first reason.
    static func outcome(batch: TraceBatch, result: IngestResult) -> ExportOutcome {
        let rejected = max(result.rejected, batch.rejectedSpans)
        guard rejected > 0 else { return .accepted(.traces) }
        let message = batch.rejectionMessage ?? "\(rejected) span(s) were not accepted by the store"
        return ExportOutcome(signal: .traces, rejected: rejected, message: message)
    }

    private static func messageName(_ request: ExportRequest) -> String {
        let format = request.format == .protobuf ? "protobuf" : "JSON"
        switch request.signal {
        case .traces: return "ExportTraceServiceRequest (\(format))"
        case .metrics: return "ExportMetricsServiceRequest (\(format))"
        case .logs: return "ExportLogsServiceRequest (\(format))"
        }
    }
}
