import Foundation
import GovTopReceiver
import Testing

@Suite struct ConnectionTests {
    @Test func keepAliveServesManyRequestsIncludingErrorsOnOneConnection() async throws {
        try await withServer { port, engine in
            let statuses = try await blocking {
                let client = try HTTPTestClient(port: port)
                var statuses: [Int] = []
                for round in 0..<5 {
                    statuses.append(try client.exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                                        body: OTLPFixtures.traceBody(spans: 2, firstTrace: UInt64(round * 10 + 1))).status)
                    statuses.append(try client.exchange("GET", "/nowhere").status)
                    statuses.append(try client.exchange("POST", "/v1/traces", headers: [("Content-Type", "text/plain")], body: [1, 2]).status)
                    statuses.append(try client.exchange("GET", "/api/v1/summary").status)
                }
                return statuses
            }
            #expect(statuses == Array(repeating: [200, 404, 415, 200], count: 5).flatMap { $0 })
            #expect(engine.summary().spansReceived == 10)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { port, _ in
            let statuses = try await blocking {
                let client = try HTTPTestClient(port: port)
                try client.send(HTTPTestClient.request("GET", "/healthz") + HTTPTestClient.request("GET", "/nope")
                                + HTTPTestClient.request("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf]))
                return try (0..<3).map { _ in try client.readResponse().status }
            }
            #expect(statuses == [200, 404, 200])
        }
    }

    @Test func http10WithoutKeepAliveIsClosedAfterTheResponse() async throws {
        try await withServer { port, _ in
            let (response, closed) = try await blocking {
                let client = try HTTPTestClient(port: port)
                try client.send("GET /healthz HTTP/1.0\r\n\r\n")
                return (try client.readResponse(), client.waitForClose())
            }
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(closed)
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer { port, _ in
            let (response, closed) = try await blocking {
                let client = try HTTPTestClient(port: port)
                let response = try client.exchange("GET", "/api/v1/summary", headers: [("Connection", "close")])
                return (response, client.waitForClose())
            }
            #expect(response.status == 200)
            #expect(closed)
        }
    }

    @Test func expectContinueGetsA100BeforeTheBody() async throws {
        try await withServer { port, engine in
            let (interim, final) = try await blocking {
                let client = try HTTPTestClient(port: port)
                let body = OTLPFixtures.traceBody(spans: 2)
                try client.send("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf, ("Expect", "100-continue"),
                                                                ("Content-Length", String(body.count))])
                let interim = try client.readResponse()
                try client.send(body)
                return (interim, try client.readResponse())
            }
            #expect(interim.status == 100)
            #expect(final.status == 200)
            #expect(engine.summary().spansReceived == 2)
        }
    }

    @Test func expectContinueWithARefusedHeadIsAnsweredAtOnceAndClosed() async throws {
        try await withServer { port, _ in
            let (response, closed) = try await blocking {
                let client = try HTTPTestClient(port: port)
                try client.send("POST", "/v1/traces", headers: [("Content-Type", "text/csv"), ("Expect", "100-continue"),
                                                                ("Content-Length", "100")])
                let response = try client.readResponse()
                return (response, client.waitForClose())
            }
            #expect(response.status == 415)
            #expect(response.header("Connection") == "close")
            #expect(closed)
        }
    }

    @Test func silentHalfSentAndIdleConnectionsAreClosedAtTheirDeadlines() async throws {
        let configuration = ReceiverConfiguration.forTests(idleTimeout: .milliseconds(300), headerTimeout: .milliseconds(300))
        try await withServer(configuration) { port, _ in
            // The clients give up after 10 s without a byte: a server that never closed fails here.
            let (silentClosed, halfRequestClosed, keptAliveClosed) = try await blocking {
                let silent = try HTTPTestClient(port: port)
                let half = try HTTPTestClient(port: port)
                try half.send("POST /v1/traces HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"res")
                let keptAlive = try HTTPTestClient(port: port)
                _ = try keptAlive.exchange("GET", "/healthz")
                return (silent.waitForClose(), half.waitForClose(), keptAlive.waitForClose())
            }
            #expect(silentClosed)
            #expect(halfRequestClosed)
            #expect(keptAliveClosed)
        }
    }

    @Test func aStalledConnectionDoesNotStallOthers() async throws {
        try await withServer(.forTests(idleTimeout: .seconds(30))) { port, engine in
            // The client gives up after 5 s without an answer: a stalled server fails the exchange.
            let statuses = try await blocking {
                // Several connections stop halfway through a request and stay silent.
                let stalled = try (0..<8).map { _ in try HTTPTestClient(port: port) }
                for client in stalled {
                    try client.send("POST /v1/traces HTTP/1.1\r\nContent-Type: application/x-protobuf\r\nContent-Length: 5000\r\n\r\n\u{0A}")
                }
                let client = try HTTPTestClient(port: port, timeoutSeconds: 5)
                let statuses = try (0..<20).map { round in
                    try client.exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                        body: OTLPFixtures.traceBody(spans: 1, firstTrace: UInt64(round + 1))).status
                }
                withExtendedLifetime(stalled) {}
                return statuses
            }
            #expect(statuses == Array(repeating: 200, count: 20))
            #expect(engine.summary().spansReceived == 20)
        }
    }

    @Test func atTheLimitTheLongestIdleConnectionMakesRoomForANewOne() async throws {
        try await withServer(.forTests(maxConnections: 3)) { port, _ in
            let (held, newcomer, oldestClosed, others) = try await blocking {
                let held = try (0..<3).map { _ in try HTTPTestClient(port: port) }
                let heldStatuses = try held.map { try $0.exchange("GET", "/healthz").status }
                // held[0] has been idle longest.
                let newcomer = try HTTPTestClient(port: port).exchange("GET", "/healthz").status
                let oldestClosed = held[0].waitForClose()
                let others = try held[1...].map { try $0.exchange("GET", "/healthz").status }
                return (heldStatuses, newcomer, oldestClosed, others)
            }
            #expect(held == [200, 200, 200])
            #expect(newcomer == 200)
            #expect(oldestClosed)
            #expect(others == [200, 200])
        }
    }

    @Test func concurrentPostsFromManyThreadsAddUpExactly() async throws {
        let threads = 8
        let requestsPerThread = 25
        let spansPerRequest = 4
        try await withServer { port, engine in
            let failures = try await withThrowingTaskGroup(of: Int.self) { group in
                for thread in 0..<threads {
                    group.addTask {
                        try await blocking {
                            let client = try HTTPTestClient(port: port)
                            var failures = 0
                            for request in 0..<requestsPerThread {
                                let first = UInt64(thread * 100_000 + request * 100 + 1)
                                let gzip = request % 2 == 0
                                let body = OTLPFixtures.traceBody(spans: spansPerRequest, firstTrace: first)
                                let response = try client.exchange(
                                    "POST", "/v1/traces",
                                    headers: [OTLPFixtures.contentTypeProtobuf, ("Content-Encoding", gzip ? "gzip" : "identity")],
                                    body: gzip ? Zlib.compress(body, .gzip) : body)
                                if response.status != 200 { failures += 1 }
                            }
                            return failures
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(failures == 0)
            #expect(engine.summary().spansReceived == threads * requestsPerThread * spansPerRequest)
        }
    }

    @Test func stopClosesOpenConnectionsAndTheServerCannotRestart() async throws {
        let server = GovTopServer(configuration: .forTests(), engine: .init())
        let port = try await server.start()
        let closed = try await blocking {
            let client = try HTTPTestClient(port: port)
            _ = try client.exchange("GET", "/healthz")
            return client
        }
        await server.stop()
        #expect(try await blocking { closed.waitForClose() })
        await #expect(throws: GovTopServerError.self) { _ = try await server.start() }
        await server.stop()
    }
}
