import GovTopCore
import NIOCore

/// The logic of one OTLP/gRPC call (one HTTP/2 stream), without I/O: it takes what happened (the
/// request's HEADERS, DATA, its end, a deadline passing, the export's result) and returns what to
/// do. `GRPCStreamHandler` only carries out the actions.
///
/// The same guarantees as an OTLP/HTTP request: the message is refused as soon as its prefix
/// announces more than `maxBodyBytes`; its bytes are reserved from the process-wide
/// `InflightBudget` as they arrive (`UNAVAILABLE` + `RetryInfo` when there is no room); it must
/// arrive by `headerTimeout + received / minBodyBytesPerSecond` after the stream opened, or the
/// stream is ended. A call being processed by a worker has no deadline.
struct GRPCStreamStateMachine {
    /// What the stream's I/O side must do, in order.
    enum Action: Equatable {
        /// Run the deadline check (`deadlinePassed`) at this time, replacing any timer set before.
        case setTimer(NIODeadline)
        case cancelTimer
        /// Write the whole response; the stream's half of the call ends with it.
        case respond(GRPCResponse)
        /// The request was answered before it ended: reset the stream so the peer stops sending.
        case reset
        /// Decode and ingest the message on a worker; report its result with `resultReady`.
        case process(ExportRequest, ByteBuffer)
        /// Tell the connection what the stream is doing now.
        case report(GRPCStreamPhase)
        /// The call was shed for want of in-flight memory before its message was read: count it.
        case shed(ShedReason)

        static func == (lhs: Action, rhs: Action) -> Bool {
            switch (lhs, rhs) {
            case (.setTimer(let a), .setTimer(let b)): a == b
            case (.cancelTimer, .cancelTimer), (.reset, .reset): true
            case (.respond(let a), .respond(let b)): a == b
            case (.process(let a, let x), .process(let b, let y)): a == b && x == y
            case (.report(let a), .report(let b)): a == b
            case (.shed(let a), .shed(let b)): a == b
            default: false
            }
        }
    }

    private struct Receipt {
        var signal: OTLPSignal
        var encoding: ContentEncoding
        var reader: GRPCMessageReader
        var startedAt: NIODeadline
        var received = 0
    }

    private enum State {
        case awaitingHead
        case receiving(Receipt)
        case processing
        /// Answered; whatever else arrives is dropped.
        case done
        case closed
    }

    let limits: ConnectionStateMachine.Limits
    private let budget: InflightBudget
    private var state = State.awaitingHead
    /// Bytes this stream holds reserved in `budget`.
    private(set) var reservedBytes = 0

    init(limits: ConnectionStateMachine.Limits, budget: InflightBudget) {
        self.limits = limits
        self.budget = budget
    }

    // MARK: Events

    mutating func receivedHead(_ head: GRPCRequestHead, endStream: Bool, now: NIODeadline) -> [Action] {
        guard case .awaitingHead = state else { return [] }
        switch head.route(access: limits.access) {
        case .failure(let refusal):
            return answer(.failure(refusal.status, httpStatus: refusal.httpStatus), requestEnded: endStream)
        case .success(let call):
            let receipt = Receipt(signal: call.signal, encoding: call.encoding,
                                  reader: GRPCMessageReader(limit: limits.maxBodyBytes), startedAt: now)
            state = .receiving(receipt)
            if endStream { return receivedEnd(now: now) }
            return [.setTimer(bodyDeadline(receipt)), .report(.receiving)]
        }
    }

    mutating func receivedData(_ chunk: ByteBuffer, endStream: Bool, now: NIODeadline) -> [Action] {
        guard case .receiving(var receipt) = state else { return [] }
        receipt.received += chunk.readableBytes
        state = .done  // while the reader is changed in place
        do throws(GRPCMessageReader.Failure) {
            try receipt.reader.append(chunk)
        } catch {
            state = .receiving(receipt)
            return answer(.failure(Self.status(error)), requestEnded: endStream)
        }
        let held = receipt.reader.bufferedBytes
        if held > reservedBytes {
            guard budget.reserve(held - reservedBytes) else {
                state = .receiving(receipt)
                let status = GRPCStatus(RequestFailure.requestMemoryExhausted(limit: budget.limit))
                return [.shed(.inflightMemory)] + answer(.failure(status), requestEnded: endStream)
            }
            reservedBytes = held
        }
        state = .receiving(receipt)
        return endStream ? receivedEnd(now: now) : []
    }

    /// The peer ended its half of the stream (END_STREAM on DATA or on trailers).
    mutating func receivedEnd(now: NIODeadline) -> [Action] {
        guard case .receiving(let receipt) = state else { return [] }
        let message: GRPCMessageReader.Message
        do throws(GRPCMessageReader.Failure) {
            message = try receipt.reader.finish()
        } catch {
            return answer(.failure(Self.status(error)), requestEnded: true)
        }
        if message.compressed && receipt.encoding == .identity {
            return answer(.failure(GRPCStatus(
                .internal, "the request message is marked compressed but the call has no grpc-encoding")), requestEnded: true)
        }
        let request = ExportRequest(signal: receipt.signal, format: .protobuf,
                                    encoding: message.compressed ? receipt.encoding : .identity)
        state = .processing
        return [.cancelTimer, .report(.processing), .process(request, message.bytes)]
    }

    /// The worker finished the export.
    mutating func resultReady(_ result: ExportResult) -> [Action] {
        releaseReservation()
        guard case .processing = state else { return [] }
        state = .done
        return [.respond(.of(result)), .report(.done)]
    }

    /// The worker could not run the export (the server is shutting down).
    mutating func workFailed() -> [Action] {
        resultReady(.failure(RequestFailure(status: 503, message: "the server is shutting down", retryAfterSeconds: 1)))
    }

    /// A timer set by `setTimer` fired: end the call if its message is overdue.
    mutating func deadlinePassed(now: NIODeadline) -> [Action] {
        guard case .receiving(let receipt) = state else { return [] }
        let deadline = bodyDeadline(receipt)
        guard now >= deadline else { return [.setTimer(deadline)] }
        let status = GRPCStatus(.unavailable, "the request message arrived slower than \(limits.minBodyBytesPerSecond) bytes per second; the call was ended",
                                retryAfterSeconds: ExportProcessor.retryAfterSeconds.queue)
        return answer(.failure(status), requestEnded: false)
    }

    /// The stream closed (either side, or the connection).
    mutating func closed() -> [Action] {
        let report: [Action]
        switch state {
        case .processing:
            // The worker holds the message: its bytes are returned when it finishes.
            report = [.report(.done)]
        case .receiving:
            releaseReservation()
            report = [.report(.done)]
        case .awaitingHead, .done, .closed:
            releaseReservation()
            report = []
        }
        state = .closed
        return [.cancelTimer] + report
    }

    // MARK: Transitions

    private mutating func answer(_ response: GRPCResponse, requestEnded: Bool) -> [Action] {
        releaseReservation()
        let wasReported: Bool
        if case .receiving = state { wasReported = true } else { wasReported = false }
        state = .done
        var actions: [Action] = [.cancelTimer, .respond(response)]
        if !requestEnded { actions.append(.reset) }
        if wasReported { actions.append(.report(.done)) }
        return actions
    }

    private mutating func releaseReservation() {
        guard reservedBytes > 0 else { return }
        budget.release(reservedBytes)
        reservedBytes = 0
    }

    private func bodyDeadline(_ receipt: Receipt) -> NIODeadline {
        let allowance = Double(receipt.received) / Double(limits.minBodyBytesPerSecond) * 1e9
        return receipt.startedAt + limits.headerTimeout + .nanoseconds(Int64(min(allowance, 1e15)))
    }

    static func status(_ failure: GRPCMessageReader.Failure) -> GRPCStatus {
        switch failure {
        case .tooLarge(let length, let limit):
            GRPCStatus(.resourceExhausted, "request message of \(length) bytes exceeds the limit of \(limit) bytes (raise --max-body, or export smaller batches)")
        case .badFlag(let flag):
            GRPCStatus(.internal, "the request message has compressed flag \(flag); gRPC allows 0 or 1")
        case .secondMessage:
            GRPCStatus(.invalidArgument, "the request carries more than one message; Export takes exactly one")
        case .truncated(let received, let expected):
            GRPCStatus(.invalidArgument, "the request ended after \(received) of \(expected.map(String.init) ?? "5 prefix") bytes of its message")
        case .noMessage:
            GRPCStatus(.invalidArgument, "the request ended without a message; Export takes exactly one")
        }
    }
}

/// What one stream is doing, as its connection sees it.
enum GRPCStreamPhase: Sendable, Equatable {
    /// Receiving its request message.
    case receiving
    /// A worker is exporting its message: the connection is not closed to make room.
    case processing
    /// Answered or gone.
    case done
}
