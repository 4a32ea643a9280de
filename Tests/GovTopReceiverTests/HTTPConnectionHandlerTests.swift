import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing
@testable import GovTopReceiver

/// The connection handler in the server's real pipeline (byte observer, NIO's HTTP codec and
/// pipelining helper, the handler) on an `EmbeddedChannel`: bytes in, bytes out, virtual time.
@Suite struct HTTPConnectionHandlerTests {
    /// Workers that hold every request until the test answers it.
    final class HeldWorkers: RequestWorkers, @unchecked Sendable {
        private(set) var pending: [(work: RequestWork, promise: EventLoopPromise<HTTPResponse>)] = []

        func run(_ work: RequestWork, eventLoop: any EventLoop) -> EventLoopFuture<HTTPResponse> {
            let promise = eventLoop.makePromise(of: HTTPResponse.self)
            pending.append((work, promise))
            return promise.futureResult
        }

        func export(_ request: ExportRequest, body: ByteBuffer, eventLoop: any EventLoop) -> EventLoopFuture<ExportResult> {
            preconditionFailure("the HTTP door hands its exports to run(_:eventLoop:)")
        }

        func answer(_ response: HTTPResponse = HTTPResponse(status: 200, contentType: "application/json", body: Array("{}".utf8))) {
            pending.removeFirst().promise.succeed(response)
        }
    }

    /// One connection through the server's pipeline.
    struct Connection {
        let channel = EmbeddedChannel()
        let workers = HeldWorkers()
        let budget: InflightBudget

        init(budget: InflightBudget = InflightBudget(limit: 1 << 20), headerTimeout: TimeAmount = .seconds(1),
             minBodyBytesPerSecond: Int = 100) throws {
            self.budget = budget
            let limits = ConnectionStateMachine.Limits(maxBodyBytes: 10_000, headerTimeout: headerTimeout, idleTimeout: .seconds(5),
                                                       minBodyBytesPerSecond: minBodyBytesPerSecond)
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(RequestByteObserver())
            try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
            try pipeline.addHandler(HTTPConnectionHandler(limits: limits, budget: budget, workers: workers))
            try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 4318)).wait()
        }

        var isOpen: Bool { channel.isActive }

        func send(_ text: String) throws {
            try channel.writeInbound(ByteBuffer(string: text))
        }

        func advance(_ amount: TimeAmount) {
            channel.embeddedEventLoop.advanceTime(by: amount)
        }

        /// Everything written so far, as text.
        func output() throws -> String {
            var text = ""
            while let part = try channel.readOutbound(as: IOData.self) {
                if case .byteBuffer(let buffer) = part { text += String(buffer: buffer) }
            }
            return text
        }
    }

    static let exportHead = "POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\n"

    @Test func aTrickledHeadIsClosedAtItsDeadlineAndNeverServed() throws {
        let connection = try Connection()
        let head = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        var sent = 0
        for character in head where connection.isOpen {
            try connection.send(String(character))
            sent += 1
            connection.advance(.milliseconds(200))
        }
        #expect(!connection.isOpen)
        #expect(sent <= 6)
        // NIO's codec reports the incomplete head as it closes (a 400 that a closed socket drops);
        // the request itself is never served.
        #expect(connection.workers.pending.isEmpty)
        #expect(!(try connection.output()).contains("200 OK"))
    }

    @Test func anExportIsBufferedReservedProcessedAndReleased() throws {
        let connection = try Connection()
        try connection.send(Self.exportHead + "Content-Length: 6\r\n\r\nabc")
        #expect(connection.budget.inUse == 3)
        try connection.send("def")
        guard case .export(let request, let body)? = connection.workers.pending.first?.work else {
            Issue.record("the export was not handed to a worker")
            return
        }
        #expect(request.signal == .traces)
        #expect(String(buffer: body) == "abcdef")
        // A worker is never hurried: no deadline while it runs.
        connection.advance(.seconds(3600))
        #expect(connection.isOpen)
        connection.workers.answer()
        #expect(connection.budget.inUse == 0)
        let output = try connection.output()
        #expect(output.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(output.hasSuffix("\r\n\r\n{}"))
        #expect(connection.isOpen)
    }

    @Test func aClientLeavingMidBodyReturnsItsReservation() throws {
        let connection = try Connection()
        try connection.send(Self.exportHead + "Transfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n")
        #expect(connection.budget.inUse == 5)
        try connection.channel.close().wait()
        #expect(connection.budget.inUse == 0)
    }

    @Test func aClientLeavingWhileProcessedReturnsItsReservationWhenTheWorkerEnds() throws {
        let connection = try Connection()
        try connection.send(Self.exportHead + "Content-Length: 3\r\n\r\nabc")
        try connection.channel.close().wait()
        #expect(connection.budget.inUse == 3)
        connection.workers.answer()
        #expect(connection.budget.inUse == 0)
    }

    @Test func aSlowBodyIsCutOff() throws {
        let connection = try Connection()
        try connection.send(Self.exportHead + "Content-Length: 1000\r\n\r\n")
        // 1 s grace, then 100 bytes per second: 10 bytes every 200 ms is too slow.
        var sent = 0
        while connection.isOpen && sent < 1000 {
            try connection.send(String(repeating: "x", count: 10))
            sent += 10
            connection.advance(.milliseconds(200))
        }
        #expect(!connection.isOpen)
        #expect(sent < 1000)
        #expect(connection.budget.inUse == 0)
        #expect(connection.workers.pending.isEmpty)
    }

    @Test func aBodyBeyondTheBudgetIsAnswered503AndTheConnectionClosed() throws {
        let connection = try Connection(budget: InflightBudget(limit: 100))
        try connection.send(Self.exportHead + "Content-Length: 200\r\n\r\n")
        // The head alone holds nothing; the body's bytes are reserved as they come.
        #expect(try connection.output().isEmpty)
        try connection.send(String(repeating: "a", count: 60))
        #expect(connection.budget.inUse == 60)
        try connection.send(String(repeating: "a", count: 60))
        let output = try connection.output()
        #expect(output.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
        #expect(output.contains("Retry-After: 1\r\n"))
        #expect(output.contains("Connection: close\r\n"))
        #expect(!connection.isOpen)
        #expect(connection.budget.inUse == 0)
    }

    @Test func headGetsTheHeadersOfGetAndNoBody() throws {
        let connection = try Connection()
        try connection.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        connection.workers.answer(HTTPResponse(status: 200, contentType: "application/json", body: Array("{\"status\":\"ok\"}".utf8)))
        let output = try connection.output()
        #expect(output.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(output.contains("Content-Length: 15\r\n"))
        #expect(output.hasSuffix("\r\n\r\n"))
    }

    @Test func evictionClosesAnIdleConnectionButLetsARequestFinishFirst() throws {
        let idle = try Connection()
        idle.channel.pipeline.fireUserInboundEventTriggered(ConnectionEvictionRequest())
        #expect(!idle.isOpen)

        let busy = try Connection()
        try busy.send("GET /api/v1/summary HTTP/1.1\r\nHost: x\r\n\r\n")
        busy.channel.pipeline.fireUserInboundEventTriggered(ConnectionEvictionRequest())
        #expect(busy.isOpen)
        busy.workers.answer()
        let output = try busy.output()
        #expect(output.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(output.contains("Connection: close\r\n"))
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let connection = try Connection()
        try connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(connection.workers.pending.count == 1)
        connection.workers.answer()
        let output = try connection.output()
        #expect(output.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(output.contains("HTTP/1.1 404 Not Found\r\n"))
    }

    /// Found in review: writing a response's end makes NIO's pipelining helper hand the next buffered
    /// request to the handler at once, inside the write. The first response's own "idle" report and
    /// idle timer then came after the second request's, so the registry saw a busy connection as
    /// idle (evictable) and its body deadline became the idle timeout.
    @Test func aPipelinedRequestHandedOverDuringAResponseKeepsItsOwnStateInTheRegistry() throws {
        final class Reports: @unchecked Sendable { var last: ConnectionActivity? }
        let reports = Reports()
        let channel = EmbeddedChannel()
        let workers = HeldWorkers()
        let limits = ConnectionStateMachine.Limits(maxBodyBytes: 10_000, headerTimeout: .seconds(1), idleTimeout: .seconds(5),
                                                   minBodyBytesPerSecond: 100)
        let pipeline = channel.pipeline.syncOperations
        try pipeline.addHandler(RequestByteObserver())
        try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
        try pipeline.addHandler(HTTPConnectionHandler(limits: limits, budget: InflightBudget(limit: 1 << 20), workers: workers,
                                                      reportActivity: { reports.last = $0 }))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 4318)).wait()
        let export = Self.exportHead + "Content-Length: 3\r\n\r\nabc"
        try channel.writeInbound(ByteBuffer(string: export + export))
        #expect(workers.pending.count == 1)
        #expect(reports.last == .processing)
        workers.answer()
        // The second export was handed over while the first response was written: it is processing.
        #expect(workers.pending.count == 1)
        #expect(reports.last == .processing)
        // No idle timer of the first response cuts it off while a worker has it.
        channel.embeddedEventLoop.advanceTime(by: .seconds(3600))
        #expect(channel.isActive)
        workers.answer()
        #expect(channel.isActive)
    }
}
