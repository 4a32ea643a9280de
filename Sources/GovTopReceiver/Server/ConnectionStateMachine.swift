import GovTopCore
import NIOCore
import NIOHTTP1

/// The logic of one HTTP connection, without I/O: it takes what happened (a request head, a body
/// chunk, a deadline passing, a response ready, ...) and returns what to do (write, close, set a
/// timer, hand work to a worker, ...). `HTTPConnectionHandler` only carries out the actions.
///
/// Deadlines a trickle of bytes cannot extend:
/// - a request head must be complete `headerTimeout` after the connection opened (first request)
///   or after its first byte arrived (later requests), however the bytes are spread out;
/// - a body must be complete `headerTimeout + received / minBodyBytesPerSecond` after its head,
///   so it must keep arriving at the minimum average rate;
/// - a kept-alive connection that starts no request for `idleTimeout` is closed;
/// - a connection answered with `Connection: close` is closed `headerTimeout` later if the peer
///   has not closed it by then.
/// A request being processed by a worker has no deadline.
///
/// The bytes of an export body being buffered are reserved from the process-wide `InflightBudget`
/// as they arrive (never from the declared `Content-Length` alone) and returned when the request
/// completes or the connection closes; a reservation that does not fit is answered `503` with
/// `Retry-After`. The budget is the machine's only shared state; it does no I/O.
struct ConnectionStateMachine {
    /// The limits one connection enforces.
    struct Limits: Sendable, Equatable {
        var maxBodyBytes: Int
        var headerTimeout: TimeAmount
        var idleTimeout: TimeAmount
        var minBodyBytesPerSecond: Int
        /// Which requests must carry the bearer token.
        var access: AccessControl
        /// decide (issue 15): how the decision endpoint reads its scope.
        var decision = DecisionSettings()

        init(maxBodyBytes: Int, headerTimeout: TimeAmount, idleTimeout: TimeAmount, minBodyBytesPerSecond: Int,
             access: AccessControl = .open) {
            self.maxBodyBytes = maxBodyBytes
            self.headerTimeout = headerTimeout
            self.idleTimeout = idleTimeout
            self.minBodyBytesPerSecond = minBodyBytesPerSecond
            self.access = access
        }

        init(_ configuration: ReceiverConfiguration) {
            self.init(maxBodyBytes: configuration.maxBodyBytes, headerTimeout: TimeAmount(configuration.headerTimeout),
                      idleTimeout: TimeAmount(configuration.idleTimeout),
                      minBodyBytesPerSecond: configuration.minBodyBytesPerSecond, access: configuration.access)
            decision = configuration.decision
        }
    }

    /// What the connection's I/O side must do, in order.
    enum Action {
        /// Run the deadline check (`deadlinePassed`) at this time, replacing any timer set before.
        case setTimer(NIODeadline)
        case cancelTimer
        /// The interim `100 Continue` a client that sent `Expect: 100-continue` waits for.
        case writeContinue(HTTPVersion)
        /// Write a whole response (an empty body for a HEAD request).
        case respond(HTTPResponseHead, body: [UInt8])
        /// Nothing more will be written: shut the output down and discard what is read.
        case closeOutput
        case close
        /// Run the request on a worker and report its response with `responseReady` (or
        /// `workFailed`).
        case process(RequestWork)
        /// Tell the connection registry what the connection is doing now.
        case report(ConnectionActivity)
        /// An export was answered `503` + `Retry-After` before it was read (load shedding): count it.
        case shed(ShedReason)

        /// Timers, reports and counts: carried out before any I/O of the same batch of actions.
        var isBookkeeping: Bool {
            switch self {
            case .setTimer, .cancelTimer, .report, .shed: true
            case .writeContinue, .respond, .closeOutput, .close, .process: false
            }
        }
    }

    /// Facts about the request being served that shape its response.
    struct Exchange: Equatable {
        var version: HTTPVersion
        var keepAlive: Bool
        /// A HEAD request: the response has the headers of a GET but no body.
        var headOnly: Bool
    }

    private enum Body {
        case export(ExportRequest, ByteBuffer)
        case api(APIRequest)
        /// Answered already; the rest of the body is read and dropped.
        case skipping
    }

    private struct Receipt {
        var body: Body
        var exchange: Exchange
        var startedAt: NIODeadline
        var received: Int
    }

    private struct Processing {
        var exchange: Exchange
        var failureStyle: FailureStyle
        /// Bytes of a next (pipelined) request arrived while this one was processed.
        var nextRequestStarted = false
        /// The registry asked for the connection to make room: close after this response.
        var evicted = false
    }

    private enum State {
        case unopened
        case awaitingHead(since: NIODeadline)
        case idle(since: NIODeadline)
        case receiving(Receipt)
        case processing(Processing)
        case lingering(since: NIODeadline)
        case closed
        /// Transient, while a body buffer is appended to in place.
        case modifying
    }

    let limits: Limits
    private let budget: InflightBudget
    private let allocator = ByteBufferAllocator()
    private var state = State.unopened
    /// Bytes this connection holds reserved in `budget`.
    private(set) var reservedBytes = 0

    init(limits: Limits, budget: InflightBudget) {
        self.limits = limits
        self.budget = budget
    }

    /// What the connection is doing now (nil before it opened and after it closed).
    var activity: ConnectionActivity? {
        switch state {
        case .unopened, .closed, .modifying: nil
        case .awaitingHead(let since): .awaitingHead(since: since)
        case .idle(let since): .idle(since: since)
        case .receiving(let receipt): .receivingBody(since: receipt.startedAt)
        case .processing: .processing
        case .lingering(let since): .lingering(since: since)
        }
    }

    // MARK: Events

    /// The connection is open: its first request head is due `headerTimeout` from now.
    mutating func opened(now: NIODeadline) -> [Action] {
        guard case .unopened = state else { return [] }
        return awaitHead(since: now)
    }

    /// Bytes arrived, before the HTTP decoder saw them: the first byte of a request starts its
    /// head's deadline.
    mutating func bytesArrived(now: NIODeadline) -> [Action] {
        switch state {
        case .idle:
            return awaitHead(since: now)
        case .processing(var processing):
            processing.nextRequestStarted = true
            state = .processing(processing)
            return []
        case .unopened, .awaitingHead, .receiving, .lingering, .closed, .modifying:
            return []
        }
    }

    mutating func receivedHead(_ head: HTTPRequestHead, now: NIODeadline) -> [Action] {
        switch state {
        case .awaitingHead, .idle: break
        case .unopened, .receiving, .processing, .lingering, .closed, .modifying: return []
        }
        let exchange = Exchange(version: head.version, keepAlive: head.isKeepAlive, headOnly: head.method == .HEAD)
        let expectsContinue = head.headers[canonicalForm: "expect"].contains { $0.lowercased() == "100-continue" }
        let requestHead = RequestHead(head)

        var receipt = Receipt(body: .skipping, exchange: exchange, startedAt: now, received: 0)
        var actions: [Action] = []
        switch RequestRouter.route(requestHead, maxBodyBytes: limits.maxBodyBytes, access: limits.access, decision: limits.decision) {
        case .export(let request):
            // Reserved as the bytes arrive, never from the declared length: a head that announces
            // a large body and sends none must not hold memory it does not use.
            let declared = requestHead.contentLength ?? 0
            if expectsContinue { actions.append(.writeContinue(head.version)) }
            receipt.body = .export(request, allocator.buffer(capacity: min(declared, 64 << 10)))
        case .api(let request):
            receipt.body = .api(request)
        case .failure(var failure, let style):
            // A client that asked for 100-continue may never send the body it announced.
            if expectsContinue { failure.closesConnection = true }
            let response = Self.render(failure, style: style)
            actions += respond(response, exchange: exchange, evicted: false, now: now)
            if case .lingering = state { return actions }
        }
        state = .receiving(receipt)
        return actions + [.setTimer(bodyDeadline(receipt)), .report(.receivingBody(since: now))]
    }

    mutating func receivedBody(_ chunk: ByteBuffer, now: NIODeadline) -> [Action] {
        guard case .receiving(var receipt) = state else { return [] }
        receipt.received += chunk.readableBytes
        switch receipt.body {
        case .export(let request, var buffer):
            let total = buffer.readableBytes + chunk.readableBytes
            guard total <= limits.maxBodyBytes else {
                return refuse(.tooLarge(limit: limits.maxBodyBytes, what: "request body"), style: .otlp(request.format),
                              exchange: receipt.exchange, now: now)
            }
            if total > reservedBytes {
                guard budget.reserve(total - reservedBytes) else {
                    return refuse(.requestMemoryExhausted(limit: budget.limit), style: .otlp(request.format),
                                  exchange: receipt.exchange, now: now)
                }
                reservedBytes = total
            }
            // Drop the other references to the buffer first, so the append does not copy it.
            state = .modifying
            receipt.body = .skipping
            buffer.writeImmutableBuffer(chunk)
            receipt.body = .export(request, buffer)
        case .api, .skipping:
            // Not kept: only counted, for the minimum body rate.
            break
        }
        state = .receiving(receipt)
        return []
    }

    mutating func receivedEnd(now: NIODeadline) -> [Action] {
        guard case .receiving(let receipt) = state else { return [] }
        switch receipt.body {
        case .export(let request, let body):
            state = .processing(Processing(exchange: receipt.exchange, failureStyle: .otlp(request.format)))
            return [.cancelTimer, .report(.processing), .process(.export(request, body))]
        case .api(let request):
            state = .processing(Processing(exchange: receipt.exchange, failureStyle: .api))
            return [.cancelTimer, .report(.processing), .process(.api(request))]
        case .skipping:
            return becomeIdle(now: now)
        }
    }

    /// The worker produced the response to the request being processed.
    mutating func responseReady(_ response: HTTPResponse, now: NIODeadline) -> [Action] {
        switch state {
        case .processing(let processing):
            releaseReservation()
            let actions = respond(response, exchange: processing.exchange, evicted: processing.evicted, now: now)
            if case .lingering = state { return actions }
            return actions + (processing.nextRequestStarted ? awaitHead(since: now) : becomeIdle(now: now))
        case .closed:
            // The peer left while a worker held the body; the body is gone now.
            releaseReservation()
            return []
        case .unopened, .awaitingHead, .idle, .receiving, .lingering, .modifying:
            return []
        }
    }

    /// The worker could not run the request (the server is shutting down).
    mutating func workFailed(now: NIODeadline) -> [Action] {
        let style: FailureStyle = if case .processing(let processing) = state { processing.failureStyle } else { .api }
        let failure = RequestFailure(status: 503, message: "the server is shutting down")
        return responseReady(Self.render(failure, style: style), now: now)
    }

    /// A timer set by `setTimer` fired: close the connection if its current deadline has passed.
    mutating func deadlinePassed(now: NIODeadline) -> [Action] {
        let deadline: NIODeadline
        switch state {
        case .awaitingHead(let since), .lingering(let since): deadline = since + limits.headerTimeout
        case .idle(let since): deadline = since + limits.idleTimeout
        case .receiving(let receipt): deadline = bodyDeadline(receipt)
        case .unopened, .processing, .closed, .modifying: return []
        }
        return now >= deadline ? closeNow() : [.setTimer(deadline)]
    }

    /// The registry closes this connection to make room for a new one.
    mutating func evictionRequested() -> [Action] {
        switch state {
        case .processing(var processing):
            processing.evicted = true
            state = .processing(processing)
            return []
        case .closed:
            return []
        case .unopened, .awaitingHead, .idle, .receiving, .lingering, .modifying:
            return closeNow()
        }
    }

    /// The connection closed (either side).
    mutating func closed() -> [Action] {
        if case .processing = state {
            // The worker still holds the body: its reservation is returned when it finishes.
        } else {
            releaseReservation()
        }
        state = .closed
        return [.cancelTimer]
    }

    // MARK: Transitions

    private mutating func awaitHead(since now: NIODeadline) -> [Action] {
        state = .awaitingHead(since: now)
        return [.setTimer(now + limits.headerTimeout), .report(.awaitingHead(since: now))]
    }

    private mutating func becomeIdle(now: NIODeadline) -> [Action] {
        state = .idle(since: now)
        return [.setTimer(now + limits.idleTimeout), .report(.idle(since: now))]
    }

    private mutating func closeNow() -> [Action] {
        if case .processing = state { return [] }
        releaseReservation()
        state = .closed
        return [.cancelTimer, .close]
    }

    /// Answers a request whose body is not read: the connection closes after the response.
    private mutating func refuse(_ failure: RequestFailure, style: FailureStyle, exchange: Exchange, now: NIODeadline) -> [Action] {
        releaseReservation()
        var failure = failure
        failure.closesConnection = true
        let shed: [Action] = failure.status == 503 ? [.shed(.inflightMemory)] : []
        return shed + respond(Self.render(failure, style: style), exchange: exchange, evicted: false, now: now)
    }

    /// The response's actions; a response that closes the connection moves it to `lingering`.
    private mutating func respond(_ response: HTTPResponse, exchange: Exchange, evicted: Bool, now: NIODeadline) -> [Action] {
        let closes = response.closesConnection || !exchange.keepAlive || evicted
        var actions: [Action] = [.respond(Self.head(of: response, exchange: exchange, closes: closes),
                                          body: exchange.headOnly ? [] : response.body)]
        if closes {
            state = .lingering(since: now)
            actions += [.closeOutput, .setTimer(now + limits.headerTimeout), .report(.lingering(since: now))]
        }
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

    // MARK: Responses

    static func head(of response: HTTPResponse, exchange: Exchange, closes: Bool) -> HTTPResponseHead {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.count))
        for (name, value) in response.extraHeaders { headers.add(name: name, value: value) }
        if closes {
            headers.add(name: "Connection", value: "close")
        } else if exchange.version == .http1_0 {
            headers.add(name: "Connection", value: "keep-alive")
        }
        return HTTPResponseHead(version: exchange.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
    }

    static func render(_ failure: RequestFailure, style: FailureStyle) -> HTTPResponse {
        switch style {
        case .otlp(let format): OTLPResponseEncoder.failure(failure, format: format)
        case .api: APIResponder.failure(failure)
        }
    }
}
