import GovTopTestSupport
import GovTopCore
import GovTopReceiver
import GovTopClient
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
        #expect(progress.spansSent > 0)
        #expect(progress.batchesSent >= 1)
        #expect(progress.errors == 0 && progress.batchesFailed == 0 && progress.lastError == nil)
        #expect(summary.spansReceived == progress.spansSent)
        #expect(summary.spansRejected == 0)
        #expect(summary.costUSDTotal > 0)
        #expect(progress.elapsedSeconds >= 1.5)
    }

    @Test func dropsABatchTheServerRefuses() async throws {
        let server = try await TestHTTPServer(script: [.init(status: .badRequest, body: Array("no".utf8))])
        let driver = DemoDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: server.port), rate: 1_000, interval: .milliseconds(300))
        let progress = await driver.run(duration: .milliseconds(600))
        await server.stop()
        #expect(progress.errors == 1 && progress.retries == 0 && progress.batchesFailed == 1)
        #expect(progress.lastError == "HTTP 400: no")
        #expect(server.requests.count == progress.batchesSent + 1)
    }

    @Test func startAndStopRunInTheBackground() async throws {
        let server = try await TestHTTPServer(script: [])
        let driver = DemoDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: server.port), rate: 1_000, interval: .milliseconds(100))
        driver.start()
        driver.start()
        // Wait for three batches rather than a fixed time, so a loaded machine cannot flake it. The
        // limit is for a hang only: while CPU-heavy tests hold the 2-thread cooperative pool of a
        // 2-core machine, the driver's task was seen to get no time for over 30 s.
        let deadline = ContinuousClock.now + .seconds(300)
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
