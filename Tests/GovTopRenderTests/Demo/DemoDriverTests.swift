import GovTopCore
import GovTopReceiver
import GovTopRender
import NIOHTTP1
import Testing

@Suite struct DemoDriverTests {
    @Test func deliversEverySpanToGovtopsReceiver() async throws {
        let engine = Engine()
        let server = GovTopServer(configuration: ReceiverConfiguration(host: "127.0.0.1", port: 0), engine: engine)
        let port = try await server.start()
        let driver = DemoDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: port), rate: 400, interval: .milliseconds(200))
        let progress = await driver.run(duration: .milliseconds(1_500))
        await server.stop()
        let summary = engine.summary()
        #expect(progress.spansSent > 30)
        #expect(progress.batchesSent >= 5)
        #expect(progress.errors == 0 && progress.batchesFailed == 0 && progress.lastError == nil)
        #expect(summary.spansReceived == progress.spansSent)
        #expect(summary.spansRejected == 0)
        #expect(summary.costUSDTotal > 0)
        #expect(progress.elapsedSeconds >= 1.5)
    }

    @Test func warmUpSendsWhatTheFleetDidBeforeTheStartAtOnce() async throws {
        let server = try await StubOTLPServer(script: [])
        let endpoint = OTLPEndpoint(host: "127.0.0.1", port: server.port)
        let cold = await DemoDriver(endpoint: endpoint, rate: 200, interval: .seconds(5)).run(duration: .milliseconds(300))
        let warm = await DemoDriver(endpoint: endpoint, rate: 200, interval: .seconds(5), warmUp: .seconds(10)).run(duration: .milliseconds(300))
        await server.stop()
        #expect(cold.spansSent * 5 < warm.spansSent)
        #expect(warm.batchesSent == 2)
        #expect(warm.spansSent > 500)
        #expect(server.requests.count == cold.batchesSent + 2)
    }

    @Test func countsLostBatchesWhenNothingListens() async throws {
        let stub = try await StubOTLPServer(script: [])
        let port = stub.port
        await stub.stop()
        let driver = DemoDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: port), rate: 1_000,
                                interval: .milliseconds(200), retry: RetryPolicy(delays: [.milliseconds(10)]))
        let progress = await driver.run(duration: .milliseconds(700))
        #expect(progress.spansSent == 0 && progress.batchesSent == 0)
        #expect(progress.batchesFailed >= 2)
        #expect(progress.errors == progress.batchesFailed * 2)
        #expect(progress.retries == progress.batchesFailed)
        #expect(progress.spansFailed > 0)
        #expect(progress.lastError?.contains("connection refused") == true)
    }

    @Test func retriesTheSameBatchAfterAnOverloadedAnswer() async throws {
        let server = try await StubOTLPServer(script: [.init(status: .serviceUnavailable, headers: [("Retry-After", "0")])])
        let driver = DemoDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: server.port), rate: 1_000, interval: .milliseconds(300))
        let progress = await driver.run(duration: .milliseconds(600))
        await server.stop()
        let requests = server.requests
        #expect(progress.errors == 1 && progress.retries == 1 && progress.batchesFailed == 0)
        #expect(progress.lastError == "HTTP 503: Service Unavailable")
        #expect(requests.count == progress.batchesSent + 1)
        #expect(requests.count >= 3)
        #expect(requests[0].body == requests[1].body)
        #expect(requests[1].body != requests[2].body)
    }

    @Test func dropsABatchTheServerRefuses() async throws {
        let server = try await StubOTLPServer(script: [.init(status: .badRequest, body: Array("no".utf8))])
        let driver = DemoDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: server.port), rate: 1_000, interval: .milliseconds(300))
        let progress = await driver.run(duration: .milliseconds(600))
        await server.stop()
        #expect(progress.errors == 1 && progress.retries == 0 && progress.batchesFailed == 1)
        #expect(progress.lastError == "HTTP 400: no")
        #expect(server.requests.count == progress.batchesSent + 1)
    }

    @Test func startAndStopRunInTheBackground() async throws {
        let server = try await StubOTLPServer(script: [])
        let driver = DemoDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: server.port), rate: 1_000, interval: .milliseconds(100))
        driver.start()
        driver.start()
        // Wait for three batches rather than a fixed time, so a loaded machine cannot flake it.
        let deadline = ContinuousClock.now + .seconds(30)
        while driver.progress.batchesSent < 3 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let final = await driver.stop()
        let afterStop = server.requests.count
        try await Task.sleep(for: .milliseconds(300))
        await server.stop()
        #expect(final.batchesSent >= 3)
        #expect(final.batchesSent == afterStop)
        #expect(server.requests.count == afterStop)
        #expect(driver.progress == final)
    }
}
