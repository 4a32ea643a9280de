import GovTopCore

/// Turns a complete export body into engine input and a response: inflate (bounded),
/// decode, hand to the engine. Runs on a worker thread, never on an event loop.
///
/// What a request costs beyond its body is reserved in the server's in-flight budget first and
/// released once its spans are ingested: the inflated body as it grows, and for traces the
/// decode allowance (`DecodeLimits.decodeAllowance`, capped so that the request alone always
/// fits the budget). No room means `503` + `Retry-After`, before anything is decoded or ingested;
/// a request that needs more than its allowance is `413`. A `200` is only ever sent after the
/// spans are in the engine, so shedding never loses data a sender was told was accepted.
struct ExportProcessor: Sendable {
    let engine: Engine
    let maxBodyBytes: Int
    let decodeLimits: DecodeLimits
    let inflight: InflightBudget
    /// This export's place in the queue for an export worker.
    let ticket: ExportTicket
    /// Where accepted exports are recorded (`--record`); nil when they are not.
    var recorder: ExportRecorder? = nil

    /// Seconds a shed sender is asked to wait before it retries.
    static let retryAfterSeconds = (memory: 2, queue: 1)

    /// The failure to answer at once, without queueing for a worker, when the export was shed
    /// because the queue was full as it arrived; nil when it was admitted.
    var shedFailure: RequestFailure? {
        ticket.admitted ? nil : Self.queueFull
    }

    /// What became of the export: accepted (perhaps in part) or refused. Both doors render it,
    /// OTLP/HTTP as a status and a body, OTLP/gRPC as a message and a `grpc-status`.
    func outcome(_ request: ExportRequest, body: UnsafeRawBufferPointer) -> ExportResult {
        ticket.start()
        do throws(RequestFailure) {
            guard ticket.admitted else { throw Self.queueFull }
            var reservation = Reservation(budget: inflight)
            defer { reservation.releaseAll() }
            return .success(try export(request, body: body, reservation: &reservation))
        } catch {
            return .failure(error)
        }
    }

    static let queueFull = RequestFailure.unavailable(
        "too many exports are waiting to be processed; retry later", retryAfterSeconds: retryAfterSeconds.queue)

    /// Sheds the request for want of in-flight memory: counted, and a failure to throw.
    private func shedForMemory(_ bytes: Int) -> RequestFailure {
        engine.recordShedRequest(.inflightMemory)
        return .unavailable("the receiver has too much request data in flight to take \(bytes) more bytes now (limit \(inflight.limit)); retry later",
                     retryAfterSeconds: Self.retryAfterSeconds.memory)
    }

    private func export(_ request: ExportRequest, body: UnsafeRawBufferPointer,
                        reservation: inout Reservation) throws(RequestFailure) -> ExportOutcome {
        guard request.encoding != .identity else {
            return try decode(request, payload: body, held: body.count, reservation: &reservation)
        }
        let inflated: [UInt8]
        // An inflated copy that could not fit even with the budget to itself is refused (413),
        // not shed (503) again at every retry.
        var neverFits = false
        do {
            inflated = try BoundedInflater.inflate(body, encoding: request.encoding, limit: maxBodyBytes) { bytes in
                guard body.count + reservation.bytes + bytes <= inflight.limit else {
                    neverFits = true
                    return false
                }
                return reservation.take(bytes)
            }
        } catch {
            switch error {
            case .tooLarge(let limit):
                throw RequestFailure(status: 413, message: "decompressed request body exceeds the limit of \(limit) bytes")
            case .corrupt(let reason):
                throw .badRequest("\(request.encoding) request body could not be decompressed: \(reason)")
            case .noRoom where neverFits:
                throw RequestFailure(status: 413, message: "decompressed request body needs more than the \(inflight.limit) bytes of request memory the receiver may hold at once")
            case .noRoom:
                throw shedForMemory(reservation.refused)
            }
        }
        let result = inflated.withUnsafeBytes { payload in
            Result { () throws(RequestFailure) in
                try decode(request, payload: payload, held: body.count + reservation.bytes, reservation: &reservation)
            }
        }
        return try result.get()
    }

    /// `held`: the bytes the request holds already (its body, and its inflated copy).
    private func decode(_ request: ExportRequest, payload: UnsafeRawBufferPointer, held: Int,
                        reservation: inout Reservation) throws(RequestFailure) -> ExportOutcome {
        guard payload.count > 0 else { return .accepted(request.signal) }
        var limits = decodeLimits
        do { // metrics: every signal is decoded into values now, so every signal reserves its allowance
            // Never more than the request could get with the budget to itself, so that a request
            // too costly for it is refused (413) rather than shed (503) again at every retry.
            let allowance = min(limits.decodeAllowance(payloadBytes: payload.count), max(0, inflight.limit - held))
            guard reservation.take(allowance) else { throw shedForMemory(allowance) }
            limits.maxDecodedBytes = allowance
        }
        do throws(OTLPDecodeError) {
            switch request.signal {
            case .traces:
                let result: IngestResult
                let batch: TraceBatch
                if request.format == .protobuf {
                    batch = try OTLPProtobufDecoder.decodeTraces(payload, limits: limits)
                    // Protobuf strings are verbatim UTF-8 in the body: the policy screen can read them
                    // there. Not when values may nest deeper than the pattern scanner looks: it masks
                    // those whole whatever they hold, so they must reach the per-span screen.
                    result = decodeLimits.maxValueDepth <= PolicyEvaluator.maxValueDepth
                        ? engine.ingest(batch, verbatimSource: payload) : engine.ingest(batch)
                } else {
                    batch = try OTLPJSONDecoder.decodeTraces(payload, limits: limits)
                    result = engine.ingest(batch)
                }
                recorder?.record(batch, bodyBytes: payload.count)
                return Self.outcome(batch: batch, result: result)
            case .metrics:
                let batch = try request.format == .protobuf
                    ? OTLPProtobufDecoder.decodeMetrics(payload, limits: limits)
                    : OTLPJSONDecoder.decodeMetrics(payload, limits: limits)
                engine.ingest(batch)
                recorder?.record(.metrics, format: request.format, body: payload)
                return .accepted(.metrics)
            case .logs:
                let batch = try request.format == .protobuf
                    ? OTLPProtobufDecoder.decodeLogs(payload, limits: limits)
                    : OTLPJSONDecoder.decodeLogs(payload, limits: limits)
                engine.ingest(batch)
                recorder?.record(.logs, format: request.format, body: payload)
                return .accepted(.logs)
            }
        } catch {
            switch error.kind {
            case .allocationLimit:
                throw RequestFailure(status: 413, message: "\(Self.messageName(request)) refused: \(error.message)")
            case .invalidPayload:
                throw .badRequest("invalid \(Self.messageName(request)): \(error.message)")
            }
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

/// The in-flight bytes one request holds, taken step by step and given back together.
private struct Reservation {
    let budget: InflightBudget
    private(set) var bytes = 0
    /// The last amount the budget refused.
    private(set) var refused = 0

    init(budget: InflightBudget) {
        self.budget = budget
    }

    mutating func take(_ amount: Int) -> Bool {
        guard budget.reserve(amount) else {
            refused = amount
            return false
        }
        bytes += amount
        return true
    }

    mutating func releaseAll() {
        budget.release(bytes)
        bytes = 0
    }
}
