import Foundation
import GovTopTestSupport
import GovTopCore
import NIOCore
import Synchronization
import Testing
@testable import GovTopReceiver

/// Hostile clients against a real listening server: sockets that never send, sockets that trickle
/// a head one byte at a time, slow bodies, and a well-behaved client that must still be served.
@Suite struct ConnectionHoardingTests {
    static let trickledHead = Array(("POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-protobuf\r\n"
                                     + "X-Padding: " + String(repeating: "a", count: 200) + "\r\nContent-Length: 10\r\n\r\n").utf8)

    /// Sockets that hold connections open: `idle` never send; `trickling` send one byte of a
    /// request head every 200 ms from one thread, until `stop()`.
    final class HostileSockets: @unchecked Sendable {
        let idle: [HTTPTestClient]
        let trickling: [HTTPTestClient]
        private let stopped = Atomic<Bool>(false)
        private let finished = DispatchSemaphore(value: 0)

        init(port: Int, idle: Int, trickling: Int) throws {
            self.idle = try (0..<idle).map { _ in try HTTPTestClient(port: port) }
            self.trickling = try (0..<trickling).map { _ in try HTTPTestClient(port: port) }
            let sockets = self.trickling
            Thread { [self] in
                var offset = 0
                while !self.stopped.load(ordering: .relaxed) {
                    let byte = [ConnectionHoardingTests.trickledHead[offset % ConnectionHoardingTests.trickledHead.count]]
                    for socket in sockets { _ = socket.trySend(byte) }
                    offset += 1
                    Thread.sleep(forTimeInterval: 0.2)
                }
                self.finished.signal()
            }.start()
        }

        func stop() {
            stopped.store(true, ordering: .relaxed)
            finished.wait()
        }
    }

    /// `/healthz` and an export from a fresh client while the sockets are held; prints the
    /// latencies measured (the benchmark script measures them against the release binary).
    private func servedWhileHoarded(maxConnections: Int) async throws {
        let configuration = ReceiverConfiguration.forTests(maxConnections: maxConnections)
        try await withServer(configuration) { port, engine in
            let (health, export, milliseconds) = try await blocking {
                let hostile = try HostileSockets(port: port, idle: maxConnections, trickling: maxConnections)
                defer { hostile.stop() }
                Thread.sleep(forTimeInterval: 0.5)
                let clock = ContinuousClock()
                var health = 0
                let healthTime = try clock.measure {
                    health = try HTTPTestClient(port: port, timeoutSeconds: 10).exchange("GET", "/healthz").status
                }
                var export = 0
                let exportTime = try clock.measure {
                    export = try HTTPTestClient(port: port, timeoutSeconds: 10)
                        .exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf], body: OTLPFixtures.traceBody(spans: 3)).status
                }
                return (health, export, [healthTime, exportTime].map { $0 / .milliseconds(1) })
            }
            print("cap \(maxConnections), \(maxConnections) idle + \(maxConnections) trickling sockets: "
                  + "/healthz \(String(format: "%.1f", milliseconds[0])) ms, export \(String(format: "%.1f", milliseconds[1])) ms")
            #expect(health == 200)
            #expect(export == 200)
            #expect(engine.summary().spansReceived == 3)
        }
    }

    @Test func aClientIsServedWhileTheCapsWorthOfIdleAndTricklingSocketsAreOpen() async throws {
        try await servedWhileHoarded(maxConnections: 32)
    }

    @Test func aClientIsServedAtTheDefaultCapOf256() async throws {
        try await servedWhileHoarded(maxConnections: ReceiverConfiguration().maxConnections)
    }

    @Test func aTrickledHeadIsClosedAtItsDeadline() async throws {
        try await withServer(.forTests(headerTimeout: .seconds(1))) { port, _ in
            let started = ContinuousClock.now
            let (closed, sent, server) = try await blocking {
                let client = try HTTPTestClient(port: port)
                var sent = 0
                // One byte every 200 ms: the whole head would take about 55 s; 30 s is the safety limit.
                while sent < Self.trickledHead.count && sent < 150 && !client.isClosedByPeer() {
                    guard client.trySend([Self.trickledHead[sent]]) else { break }
                    sent += 1
                    Thread.sleep(forTimeInterval: 0.2)
                }
                let closed = client.waitForClose()
                return (closed, sent, closed ? "" : LoopbackPortReport.describe(port: port) + "\n" + LoopbackPortReport.backtraces())
            }
            // (Failed in full runs while the PostgreSQL test server held a copy of the connection's
            // socket: see PostgresTestServer.run. About 30 s means the server's close never reached
            // the client, far more a starved sender; the server side's report says which.)
            #expect(closed, "\(server)")
            #expect(sent < 150, "\(sent) bytes sent in \(ContinuousClock.now - started); \(server)")
        }
    }

    @Test func aSlowBodyIsClosed() async throws {
        try await withServer(.forTests(headerTimeout: .seconds(1), minBodyBytesPerSecond: 100)) { port, engine in
            let started = ContinuousClock.now
            let (closed, sent, server) = try await blocking {
                let client = try HTTPTestClient(port: port)
                try client.send("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\nContent-Length: 100000\r\n\r\n")
                var sent = 0
                // 10 bytes every 200 ms is 50 bytes per second, half the minimum rate.
                while sent < 3000 && !client.isClosedByPeer() {
                    guard client.trySend([UInt8](repeating: 0, count: 10)) else { break }
                    sent += 10
                    Thread.sleep(forTimeInterval: 0.2)
                }
                let closed = client.waitForClose()
                return (closed, sent, closed ? "" : LoopbackPortReport.describe(port: port) + "\n" + LoopbackPortReport.backtraces())
            }
            // (Failed in full runs while the PostgreSQL test server held a copy of the connection's
            // socket: see PostgresTestServer.run. About 60 s means the server's close never reached
            // the client, far more a starved sender; the server side's report says which.)
            #expect(closed, "\(server)")
            #expect(sent < 3000, "\(sent) bytes sent in \(ContinuousClock.now - started); \(server)")
            #expect(engine.summary().spansReceived == 0)
        }
    }

    /// Workers that hold every request until `release()`, so connections stay in processing.
    final class GatedWorkers: RequestWorkers, @unchecked Sendable {
        let inner: any RequestWorkers
        let started = Atomic<Int>(0)
        private let gate = DispatchSemaphore(value: 0)

        init(_ inner: any RequestWorkers) {
            self.inner = inner
        }

        func run(_ work: RequestWork, eventLoop: any EventLoop) -> EventLoopFuture<HTTPResponse> {
            gated(eventLoop: eventLoop) { $0.run(work, eventLoop: eventLoop) }
        }

        func export(_ request: ExportRequest, body: ByteBuffer, eventLoop: any EventLoop) -> EventLoopFuture<ExportResult> {
            gated(eventLoop: eventLoop) { $0.export(request, body: body, eventLoop: eventLoop) }
        }

        private func gated<T: Sendable>(eventLoop: any EventLoop,
                                        _ work: @escaping @Sendable (any RequestWorkers) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
            let promise = eventLoop.makePromise(of: T.self)
            started.add(1, ordering: .relaxed)
            let (gate, inner) = (gate, inner)
            Thread {
                gate.wait()
                gate.signal()
                work(inner).cascade(to: promise)
            }.start()
            return promise.futureResult
        }

        func release() { gate.signal() }
    }

    @Test func busyConnectionsAreNeverEvictedAndANewcomerIsRefusedOnlyWhenAllAreBusy() async throws {
        let gated = Mutex<GatedWorkers?>(nil)
        let engine = Engine()
        let server = GovTopServer(configuration: .forTests(maxConnections: 3), engine: engine) { inner in
            let workers = GatedWorkers(inner)
            gated.withLock { $0 = workers }
            return workers
        }
        let port = try await server.start()
        let workers = try #require(gated.withLock { $0 })
        let (answers, newcomerRefused, afterwards) = try await blocking {
            let busy = try (0..<3).map { _ in try HTTPTestClient(port: port) }
            for (index, client) in busy.enumerated() {
                try client.send("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                body: OTLPFixtures.traceBody(spans: 1, firstTrace: UInt64(index + 1)))
            }
            while workers.started.load(ordering: .relaxed) < 3 { Thread.sleep(forTimeInterval: 0.01) }
            let newcomerRefused = try HTTPTestClient(port: port).waitForClose()
            workers.release()
            let answers = try busy.map { try $0.readResponse().status }
            return (answers, newcomerRefused, try HTTPTestClient(port: port).exchange("GET", "/healthz").status)
        }
        await server.stop()
        #expect(newcomerRefused)
        #expect(answers == [200, 200, 200])
        #expect(engine.summary().spansReceived == 3)
        #expect(afterwards == 200)
    }

    @Test func aBodyBeyondTheInflightBudgetIsAnswered503WithRetryAfter() async throws {
        try await withServer(.forTests(maxBodyBytes: 1 << 20, maxInflightBytes: 1 << 20)) { port, engine in
            let (refused, closed, afterwards) = try await blocking {
                // This request sends all but the last byte of a body as large as the budget and waits.
                let holder = try HTTPTestClient(port: port)
                try holder.send("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\nContent-Length: \(1 << 20)\r\n\r\n")
                try holder.send(String(repeating: "a", count: (1 << 20) - 1))
                Thread.sleep(forTimeInterval: 0.2)
                let client = try HTTPTestClient(port: port)
                let refused = try client.exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                                  body: OTLPFixtures.traceBody(spans: 1))
                let closed = client.waitForClose()
                holder.close()
                // Once the holder is gone its reservation is back and exports are served again.
                var afterwards = 0
                for _ in 0..<100 where afterwards != 200 {
                    afterwards = try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                                                         body: OTLPFixtures.traceBody(spans: 1)).status
                    if afterwards != 200 { Thread.sleep(forTimeInterval: 0.05) }
                }
                return (refused, closed, afterwards)
            }
            #expect(refused.status == 503)
            #expect(refused.header("Retry-After") == "1")
            #expect(refused.header("Connection") == "close")
            #expect(closed)
            #expect(afterwards == 200)
            #expect(engine.summary().spansReceived == 1)
            // The refusal is counted as shed, in the summary and on /metrics.
            #expect(engine.summary().requestsShedByReason[.inflightMemory] ?? 0 >= 1)
            let metrics = try await APIClient(port: port).get("/metrics").text
            #expect(metrics.split(separator: "\n").contains { $0.hasPrefix("govtop_requests_shed_total{reason=\"inflight_memory\"} ") && !$0.hasSuffix(" 0") })
        }
    }

    @Test(arguments: ["/healthz", "/metrics", "/api/v1/summary", "/api/v1/traces?limit=5", "/api/v1/budgets"])
    func headAnswersWithTheHeadersOfGetAndNoBody(path: String) async throws {
        try await withServer { port, _ in
            let (head, get) = try await blocking {
                let client = try HTTPTestClient(port: port)
                try client.send("HEAD", path)
                let head = try client.readResponse(bodyExpected: false)
                // The next response on the same connection parses: no body followed the HEAD answer.
                let get = try client.exchange("GET", path)
                return (head, get)
            }
            #expect(head.status == 200)
            #expect(head.header("Content-Type") == get.header("Content-Type"))
            #expect(head.header("Content-Length").flatMap(Int.init) ?? -1 > 0)
            if path == "/api/v1/budgets" { #expect(head.header("Content-Length") == String(get.body.count)) }
            #expect(get.status == 200)
        }
    }
}
