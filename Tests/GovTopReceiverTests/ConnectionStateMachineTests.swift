import NIOCore
import NIOHTTP1
import Testing
@testable import GovTopReceiver

/// The connection logic without I/O: events in, actions out, on a clock the test moves.
@Suite struct ConnectionStateMachineTests {
    typealias Action = ConnectionStateMachine.Action

    static let limits = ConnectionStateMachine.Limits(maxBodyBytes: 1000, headerTimeout: .seconds(10), idleTimeout: .seconds(60),
                                                      minBodyBytesPerSecond: 100)
    static let start = NIODeadline.uptimeNanoseconds(1_000_000_000_000)

    private func at(_ seconds: Double) -> NIODeadline { Self.start + .nanoseconds(Int64(seconds * 1e9)) }

    private func machine(budget: InflightBudget = InflightBudget(limit: 1 << 20)) -> ConnectionStateMachine {
        var machine = ConnectionStateMachine(limits: Self.limits, budget: budget)
        _ = machine.opened(now: at(0))
        return machine
    }

    private func head(_ method: HTTPMethod, _ uri: String, _ headers: [(String, String)] = [],
                      version: HTTPVersion = .http1_1) -> HTTPRequestHead {
        HTTPRequestHead(version: version, method: method, uri: uri, headers: HTTPHeaders(headers))
    }

    private func export(length: Int?) -> HTTPRequestHead {
        var headers = [("Content-Type", "application/x-protobuf")]
        if let length { headers.append(("Content-Length", String(length))) } else { headers.append(("Transfer-Encoding", "chunked")) }
        return head(.POST, "/v1/traces", headers)
    }

    private func bytes(_ count: Int) -> ByteBuffer { ByteBuffer(repeating: 0x0A, count: count) }

    private func timer(_ actions: [Action]) -> NIODeadline? {
        actions.compactMap { if case .setTimer(let deadline) = $0 { deadline } else { nil } }.last
    }

    private func closes(_ actions: [Action]) -> Bool {
        actions.contains { if case .close = $0 { true } else { false } }
    }

    private func response(_ actions: [Action]) -> (head: HTTPResponseHead, body: [UInt8])? {
        actions.lazy.compactMap { if case .respond(let head, let body) = $0 { (head, body) } else { nil } }.first
    }

    private func work(_ actions: [Action]) -> RequestWork? {
        actions.lazy.compactMap { if case .process(let work) = $0 { work } else { nil } }.first
    }

    private let ok = HTTPResponse(status: 200, contentType: "application/json", body: Array("{}".utf8))

    // MARK: Deadlines

    @Test func aNewConnectionMustCompleteItsHeadWithinTheHeaderTimeoutOfOpening() {
        var machine = ConnectionStateMachine(limits: Self.limits, budget: InflightBudget(limit: 100))
        let opened = machine.opened(now: at(0))
        #expect(timer(opened) == at(10))
        #expect(opened.contains { if case .report(.awaitingHead(since: at(0))) = $0 { true } else { false } })
        #expect(machine.bytesArrived(now: at(9)).isEmpty)
        #expect(timer(machine.deadlinePassed(now: at(9.5))) == at(10))
        #expect(closes(machine.deadlinePassed(now: at(10))))
    }

    @Test func aTrickledHeadIsNotGivenMoreTimeByItsBytes() {
        var machine = machine()
        _ = machine.receivedHead(head(.GET, "/healthz"), now: at(1))
        _ = machine.receivedEnd(now: at(1))
        let idle = machine.responseReady(ok, now: at(2))
        #expect(timer(idle) == at(62))
        // The next request's first byte starts its head's deadline; later bytes change nothing.
        #expect(timer(machine.bytesArrived(now: at(30))) == at(40))
        for second in 31..<40 {
            #expect(machine.bytesArrived(now: at(Double(second))).isEmpty)
        }
        #expect(closes(machine.deadlinePassed(now: at(40))))
    }

    @Test func aKeptAliveConnectionIsClosedAfterTheIdleTimeout() {
        var machine = machine()
        _ = machine.receivedHead(head(.GET, "/healthz"), now: at(1))
        _ = machine.receivedEnd(now: at(1))
        _ = machine.responseReady(ok, now: at(2))
        #expect(machine.activity == .idle(since: at(2)))
        #expect(!closes(machine.deadlinePassed(now: at(61))))
        #expect(closes(machine.deadlinePassed(now: at(62))))
    }

    @Test func aBodyMustKeepArrivingAtTheMinimumRate() {
        let budget = InflightBudget(limit: 10_000)
        var machine = machine(budget: budget)
        // Grace of the header timeout, then 100 bytes per second.
        #expect(timer(machine.receivedHead(export(length: 1000), now: at(0))) == at(10))
        #expect(machine.receivedBody(bytes(300), now: at(9)).isEmpty)
        #expect(timer(machine.deadlinePassed(now: at(10))) == at(13))
        #expect(machine.receivedBody(bytes(50), now: at(12)).isEmpty)
        #expect(timer(machine.deadlinePassed(now: at(13))) == at(13.5))
        let cut = machine.deadlinePassed(now: at(13.5))
        #expect(closes(cut))
        #expect(response(cut) == nil)
        #expect(budget.inUse == 0)
    }

    @Test func aRequestBeingProcessedHasNoDeadlineAndIsNotEvicted() {
        var machine = machine()
        _ = machine.receivedHead(export(length: 2), now: at(0))
        _ = machine.receivedBody(bytes(2), now: at(1))
        let processing = machine.receivedEnd(now: at(1))
        #expect(processing.contains { if case .cancelTimer = $0 { true } else { false } })
        #expect(work(processing) != nil)
        #expect(machine.activity == .processing)
        #expect(machine.deadlinePassed(now: at(10_000)).isEmpty)
        #expect(machine.evictionRequested().isEmpty)
        // Asked to make room while busy: it finishes the request, then closes.
        let answered = machine.responseReady(ok, now: at(10_001))
        #expect(response(answered)?.head.headers["Connection"] == ["close"])
        #expect(answered.contains { if case .closeOutput = $0 { true } else { false } })
        #expect(machine.activity == .lingering(since: at(10_001)))
    }

    @Test(arguments: [false, true])
    func aConnectionNotProcessingClosesWhenEvicted(idle: Bool) {
        var machine = machine()
        if idle {
            _ = machine.receivedHead(head(.GET, "/healthz"), now: at(1))
            _ = machine.receivedEnd(now: at(1))
            _ = machine.responseReady(ok, now: at(1))
        }
        #expect(closes(machine.evictionRequested()))
        #expect(machine.evictionRequested().isEmpty)
    }

    @Test func bytesOfAPipelinedRequestStartItsHeadDeadlineWhenTheResponseIsSent() {
        var machine = machine()
        _ = machine.receivedHead(head(.GET, "/healthz"), now: at(0))
        _ = machine.receivedEnd(now: at(0))
        #expect(machine.bytesArrived(now: at(1)).isEmpty)
        let answered = machine.responseReady(ok, now: at(5))
        #expect(timer(answered) == at(15))
        #expect(machine.activity == .awaitingHead(since: at(5)))
    }

    @Test func aLingeringConnectionIsClosedAfterTheHeaderTimeout() {
        var machine = machine()
        _ = machine.receivedHead(head(.GET, "/healthz", [("Connection", "close")]), now: at(0))
        _ = machine.receivedEnd(now: at(0))
        let answered = machine.responseReady(ok, now: at(1))
        #expect(response(answered)?.head.headers["Connection"] == ["close"])
        #expect(timer(answered) == at(11))
        #expect(closes(machine.deadlinePassed(now: at(11))))
    }

    // MARK: Request memory

    @Test func aDeclaredLengthIsReservedAsItArrivesAndReturnedWithTheResponse() {
        let budget = InflightBudget(limit: 10_000)
        var machine = machine(budget: budget)
        _ = machine.receivedHead(export(length: 600), now: at(0))
        // A head alone holds nothing: announcing a large body must not take memory it does not use.
        #expect(budget.inUse == 0)
        _ = machine.receivedBody(bytes(200), now: at(0))
        #expect(budget.inUse == 200)
        _ = machine.receivedBody(bytes(400), now: at(0))
        guard case .export(_, let body) = work(machine.receivedEnd(now: at(0))) else {
            Issue.record("no export work")
            return
        }
        #expect(body.readableBytes == 600)
        #expect(budget.inUse == 600)
        _ = machine.responseReady(ok, now: at(1))
        #expect(budget.inUse == 0)
    }

    @Test func aChunkedBodyIsReservedAsItArrives() {
        let budget = InflightBudget(limit: 10_000)
        var machine = machine(budget: budget)
        _ = machine.receivedHead(export(length: nil), now: at(0))
        #expect(budget.inUse == 0)
        _ = machine.receivedBody(bytes(100), now: at(0))
        _ = machine.receivedBody(bytes(250), now: at(0))
        #expect(budget.inUse == 350)
        _ = machine.closed()
        #expect(budget.inUse == 0)
    }

    @Test func aBodyThatDoesNotFitTheBudgetIsAnswered503WithRetryAfterAndClosed() {
        let budget = InflightBudget(limit: 500)
        #expect(budget.reserve(300))
        var declared = machine(budget: budget)
        let head = declared.receivedHead(export(length: 400), now: at(0))
        #expect(head.allSatisfy { $0.isBookkeeping })
        let refused = declared.receivedBody(bytes(250), now: at(0))
        #expect(response(refused)?.head.status == .serviceUnavailable)
        #expect(response(refused)?.head.headers["Retry-After"] == ["1"])
        #expect(response(refused)?.head.headers["Connection"] == ["close"])
        #expect(refused.contains { if case .closeOutput = $0 { true } else { false } })
        #expect(refused.contains { if case .shed(.inflightMemory) = $0 { true } else { false } })
        #expect(budget.inUse == 300)

        var chunked = machine(budget: budget)
        _ = chunked.receivedHead(export(length: nil), now: at(0))
        #expect(chunked.receivedBody(bytes(150), now: at(0)).isEmpty)
        #expect(budget.inUse == 450)
        #expect(response(chunked.receivedBody(bytes(100), now: at(0)))?.head.status == .serviceUnavailable)
        #expect(budget.inUse == 300)
        #expect(chunked.receivedBody(bytes(10), now: at(0)).isEmpty)
    }

    @Test func aChunkedBodyOverTheLimitIs413AndReleased() {
        let budget = InflightBudget(limit: 10_000)
        var machine = machine(budget: budget)
        _ = machine.receivedHead(export(length: nil), now: at(0))
        _ = machine.receivedBody(bytes(900), now: at(0))
        let refused = machine.receivedBody(bytes(101), now: at(0))
        #expect(response(refused)?.head.status == .payloadTooLarge)
        #expect(budget.inUse == 0)
    }

    @Test func aWorkerHoldsTheReservationUntilItFinishesEvenWhenThePeerLeft() {
        let budget = InflightBudget(limit: 10_000)
        var machine = machine(budget: budget)
        _ = machine.receivedHead(export(length: 10), now: at(0))
        _ = machine.receivedBody(bytes(10), now: at(0))
        _ = machine.receivedEnd(now: at(0))
        _ = machine.closed()
        #expect(budget.inUse == 10)
        let late = machine.responseReady(ok, now: at(1))
        #expect(response(late) == nil)
        #expect(budget.inUse == 0)
    }

    @Test func aFailedWorkerIsAnswered503AndReleased() {
        let budget = InflightBudget(limit: 10_000)
        var machine = machine(budget: budget)
        _ = machine.receivedHead(export(length: 10), now: at(0))
        _ = machine.receivedBody(bytes(10), now: at(0))
        _ = machine.receivedEnd(now: at(0))
        #expect(response(machine.workFailed(now: at(1)))?.head.status == .serviceUnavailable)
        #expect(budget.inUse == 0)
    }

    // MARK: Responses

    @Test func headIsAnsweredWithTheGetsHeadersAndNoBody() throws {
        var machine = machine()
        _ = machine.receivedHead(head(.HEAD, "/healthz"), now: at(0))
        guard case .api(.health) = work(machine.receivedEnd(now: at(0))) else {
            Issue.record("HEAD /healthz not processed as a health read")
            return
        }
        let answered = try #require(response(machine.responseReady(ok, now: at(0))))
        #expect(answered.head.status == .ok)
        #expect(answered.head.headers["Content-Length"] == ["2"])
        #expect(answered.body.isEmpty)
    }

    @Test func aRefusedHeadIsAnsweredAtOnceAndItsBodySkipped() {
        var machine = machine()
        let refused = machine.receivedHead(head(.POST, "/nowhere", [("Content-Length", "5")]), now: at(0))
        #expect(response(refused)?.head.status == .notFound)
        #expect(machine.receivedBody(bytes(5), now: at(0)).isEmpty)
        #expect(timer(machine.receivedEnd(now: at(0))) == at(60))
        #expect(machine.activity == .idle(since: at(0)))
    }

    @Test func expectContinueIsAnsweredBeforeTheBody() {
        var machine = machine()
        let actions = machine.receivedHead(head(.POST, "/v1/traces", [("Content-Type", "application/json"), ("Content-Length", "2"),
                                                                         ("Expect", "100-continue")]), now: at(0))
        #expect(actions.contains { if case .writeContinue(.http1_1) = $0 { true } else { false } })
    }

    @Test func http10KeepAliveIsSaidAndHttp10WithoutItCloses() {
        var keepAlive = machine()
        _ = keepAlive.receivedHead(head(.GET, "/healthz", [("Connection", "keep-alive")], version: .http1_0), now: at(0))
        _ = keepAlive.receivedEnd(now: at(0))
        #expect(response(keepAlive.responseReady(ok, now: at(0)))?.head.headers["Connection"] == ["keep-alive"])
        var plain = machine()
        _ = plain.receivedHead(head(.GET, "/healthz", version: .http1_0), now: at(0))
        _ = plain.receivedEnd(now: at(0))
        #expect(response(plain.responseReady(ok, now: at(0)))?.head.headers["Connection"] == ["close"])
    }
}
