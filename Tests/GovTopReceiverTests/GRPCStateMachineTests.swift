import GovTopCore
import NIOCore
import Testing
@testable import GovTopReceiver

/// The gRPC door's pure parts: message framing, status encoding, and the stream and connection
/// state machines, without I/O.
@Suite struct GRPCStateMachineTests {
    static let limits = ConnectionStateMachine.Limits(maxBodyBytes: 1000, headerTimeout: .seconds(1), idleTimeout: .seconds(5),
                                                      minBodyBytesPerSecond: 100)
    static let traceHead = GRPCRequestHead(method: "POST", path: OTLPSignal.traces.grpcPath, contentType: "application/grpc", encoding: nil)
    static let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    @Test func theReaderRefusesAnAnnouncedMessageBeyondTheLimitBeforeItArrives() {
        var reader = GRPCMessageReader(limit: 1000)
        #expect(throws: GRPCMessageReader.Failure.tooLarge(length: 1001, limit: 1000)) {
            try reader.append(ByteBuffer(bytes: [0, 0, 0, 0x03, 0xE9]))
        }
    }

    @Test func theReaderJoinsAPrefixAndAMessageSplitAnywhere() throws {
        let framed: [UInt8] = [1, 0, 0, 0, 3, 7, 8, 9]
        for split in 1..<framed.count {
            var reader = GRPCMessageReader(limit: 10)
            try reader.append(ByteBuffer(bytes: framed[..<split]))
            try reader.append(ByteBuffer(bytes: framed[split...]))
            let message = try reader.finish()
            #expect(message.compressed)
            #expect(Array(message.bytes.readableBytesView) == [7, 8, 9])
        }
    }

    @Test(arguments: [
        ([UInt8](), GRPCMessageReader.Failure.noMessage),
        ([0, 0, 0], .truncated(received: 3, expected: nil)),
        ([0, 0, 0, 0, 4, 1], .truncated(received: 1, expected: 4)),
    ])
    func theReaderRefusesAnIncompleteCall(bytes: [UInt8], failure: GRPCMessageReader.Failure) throws {
        var reader = GRPCMessageReader(limit: 10)
        try reader.append(ByteBuffer(bytes: bytes))
        #expect(throws: failure) { try reader.finish() }
    }

    @Test func theReaderRefusesASecondMessageAndABadFlag() {
        var reader = GRPCMessageReader(limit: 10)
        #expect(throws: GRPCMessageReader.Failure.secondMessage) { try reader.append(ByteBuffer(bytes: [0, 0, 0, 0, 1, 5, 0])) }
        var flagged = GRPCMessageReader(limit: 10)
        #expect(throws: GRPCMessageReader.Failure.badFlag(2)) { try flagged.append(ByteBuffer(bytes: [2, 0, 0, 0, 0])) }
    }

    @Test(arguments: [
        ("plain text", "plain text"),
        ("100%", "100%25"),
        ("bell\u{07}and\u{1B}[31mesc", "bell%EF%BF%BDand%EF%BF%BD[31mesc"),
        ("naïve", "na%C3%AFve"),
    ])
    func grpcMessageIsPercentEncodedWithoutControlCharacters(message: String, encoded: String) {
        #expect(GRPCStatus(.invalidArgument, message).encodedMessage == encoded)
    }

    @Test func aShedStatusCarriesRetryInfoAndARefusalDoesNot() throws {
        let shed = GRPCStatus(RequestFailure.unavailable("busy", retryAfterSeconds: 2))
        #expect(shed.code == .unavailable)
        let details = try #require(Base64Test.decode(shed.encodedDetails).flatMap(DecodedRPCStatus.init))
        #expect(details.code == 14)
        #expect(details.message == "busy")
        #expect(details.detailTypes == ["type.googleapis.com/google.rpc.RetryInfo"])
        #expect(details.retryDelaySeconds == 2)
        #expect(!shed.encodedDetails.hasSuffix("="))
        let tooLarge = GRPCStatus(RequestFailure.tooLarge(limit: 10, what: "request body"))
        #expect(tooLarge.code == .resourceExhausted)
        #expect(Base64Test.decode(tooLarge.encodedDetails).flatMap(DecodedRPCStatus.init)?.retryDelaySeconds == nil)
        #expect(GRPCStatus(RequestFailure.badRequest("x")).code == .invalidArgument)
    }

    @Test func aStreamHoldsItsBytesInTheBudgetUntilItsExportIsAnswered() {
        let budget = InflightBudget(limit: 10_000)
        var machine = GRPCStreamStateMachine(limits: Self.limits, budget: budget)
        #expect(machine.receivedHead(Self.traceHead, endStream: false, now: Self.start).contains(.report(.receiving)))
        _ = machine.receivedData(ByteBuffer(bytes: [0, 0, 0, 0, 3, 1]), endStream: false, now: Self.start)
        #expect(budget.inUse == 6)
        let actions = machine.receivedData(ByteBuffer(bytes: [2, 3]), endStream: true, now: Self.start)
        #expect(actions.contains(.process(ExportRequest(signal: .traces, format: .protobuf, encoding: .identity), ByteBuffer(bytes: [1, 2, 3]))))
        #expect(budget.inUse == 8)
        // The peer leaves while the worker holds the message: the bytes stay reserved until it finishes.
        _ = machine.closed()
        #expect(budget.inUse == 8)
        #expect(machine.resultReady(.success(.accepted(.traces))).isEmpty)
        #expect(budget.inUse == 0)
    }

    @Test func aStreamWithoutRoomInTheBudgetIsShedAndReset() {
        let budget = InflightBudget(limit: 4)
        var machine = GRPCStreamStateMachine(limits: Self.limits, budget: budget)
        _ = machine.receivedHead(Self.traceHead, endStream: false, now: Self.start)
        let actions = machine.receivedData(ByteBuffer(bytes: [0, 0, 0, 0, 3, 1]), endStream: false, now: Self.start)
        #expect(actions.first == .shed(.inflightMemory))
        #expect(actions.contains(.reset))
        #expect(actions.contains { if case .respond(let response) = $0 { response.status.code == .unavailable } else { false } })
        #expect(budget.inUse == 0)
    }

    @Test func aCompressedMessageWithoutAnEncodingIsInternal() {
        var machine = GRPCStreamStateMachine(limits: Self.limits, budget: InflightBudget(limit: 100))
        _ = machine.receivedHead(Self.traceHead, endStream: false, now: Self.start)
        let actions = machine.receivedData(ByteBuffer(bytes: [1, 0, 0, 0, 1, 9]), endStream: true, now: Self.start)
        #expect(actions.contains { if case .respond(let response) = $0 { response.status.code == .internal } else { false } })
        #expect(!actions.contains(.reset), "the request had ended")
    }

    @Test func aConnectionMustCompleteItsPrefaceInTime() {
        var machine = GRPCConnectionStateMachine(limits: Self.limits)
        #expect(machine.opened(now: Self.start) == [.setTimer(Self.start + .seconds(1)), .report(.awaitingHead(since: Self.start))])
        #expect(machine.deadlinePassed(now: Self.start + .seconds(1)) == [.cancelTimer, .close])
    }

    @Test func anIdleConnectionIsClosedAndABusyOneIsNot() {
        var machine = GRPCConnectionStateMachine(limits: Self.limits)
        _ = machine.opened(now: Self.start)
        #expect(machine.prefaceReceived(now: Self.start) == [.setTimer(Self.start + .seconds(5)), .report(.idle(since: Self.start))])
        let busy = Self.start + .seconds(1)
        #expect(machine.stream(1, is: .receiving, now: busy) == [.cancelTimer, .report(.receivingBody(since: busy))])
        #expect(machine.deadlinePassed(now: busy + .seconds(100)).isEmpty)
        #expect(machine.stream(1, is: .processing, now: busy) == [.report(.processing)])
        let done = busy + .seconds(2)
        #expect(machine.stream(1, is: .done, now: done) == [.setTimer(done + .seconds(5)), .report(.idle(since: done))])
        #expect(machine.deadlinePassed(now: done + .seconds(4)) == [.setTimer(done + .seconds(5))])
        #expect(machine.deadlinePassed(now: done + .seconds(5)) == [.goAway, .cancelTimer, .close])
    }

    @Test func anEvictedConnectionFinishesItsExportsFirst() {
        var machine = GRPCConnectionStateMachine(limits: Self.limits)
        _ = machine.opened(now: Self.start)
        _ = machine.prefaceReceived(now: Self.start)
        _ = machine.stream(1, is: .processing, now: Self.start)
        _ = machine.stream(3, is: .receiving, now: Self.start)
        #expect(machine.evictionRequested(now: Self.start) == [.goAway])
        #expect(machine.activity == .processing)
        #expect(machine.stream(1, is: .done, now: Self.start) == [.report(.lingering(since: Self.start))])
        #expect(machine.stream(3, is: .done, now: Self.start) == [.cancelTimer, .close])
    }
}
