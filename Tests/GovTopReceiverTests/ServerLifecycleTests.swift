import GovTopCore
@testable import GovTopReceiver
import Testing

@Suite struct ServerLifecycleTests {
    @Test func portZeroPicksAFreePortAndTwoServersCoexist() async throws {
        let first = GovTopServer(configuration: .forTests(), engine: Engine())
        let second = GovTopServer(configuration: .forTests(), engine: Engine())
        let firstPort = try await first.start()
        let secondPort = try await second.start()
        #expect(firstPort > 0)
        #expect(secondPort > 0)
        #expect(firstPort != secondPort)
        await first.stop()
        await second.stop()
    }

    @Test func bindingATakenPortFailsWithAClearError() async throws {
        let first = GovTopServer(configuration: .forTests(), engine: Engine())
        let port = try await first.start()
        var configuration = ReceiverConfiguration.forTests()
        configuration.port = port
        let second = GovTopServer(configuration: configuration, engine: Engine())
        do {
            _ = try await second.start()
            Issue.record("second bind on port \(port) succeeded")
        } catch let error as GovTopServerError {
            #expect(error.description.contains("\(port)"))
        }
        await first.stop()
    }

    /// The soft limit is raised to the hard one (the end-to-end test starts the binary under a
    /// lower soft limit); a cap the hard limit cannot hold is refused before anything listens.
    @Test func aConnectionCapBeyondTheOpenFileLimitIsRefusedBeforeListening() async throws {
        let limit = try #require(OpenFileLimit.raiseToHardLimit())
        try #require(limit < Int.max - OpenFileLimit.reserve, "the hard limit is unlimited; no cap exceeds it")
        let cap = limit - OpenFileLimit.reserve + 1
        let server = GovTopServer(configuration: .forTests(maxConnections: cap), engine: Engine())
        await #expect {
            _ = try await server.start()
        } throws: { error in
            guard case .openFileLimit(let reported, let maxConnections)? = error as? GovTopServerError else { return false }
            return reported == limit && maxConnections == cap && "\(error)".contains("needs \(limit + 1) open files")
        }
        // One fewer connection fits.
        let fitting = GovTopServer(configuration: .forTests(maxConnections: cap - 1), engine: Engine())
        _ = try await fitting.start()
        await fitting.stop()
    }

    @Test(arguments: [
        (ReceiverConfiguration(port: 70_000), "port"),
        (ReceiverConfiguration(maxBodyBytes: 0), "maxBodyBytes"),
        (ReceiverConfiguration(maxConnections: 0), "maxConnections"),
        (ReceiverConfiguration(idleTimeout: .zero), "idleTimeout"),
        (ReceiverConfiguration(headerTimeout: .zero), "headerTimeout"),
        (ReceiverConfiguration(minBodyBytesPerSecond: 0), "minBodyBytesPerSecond"),
        (ReceiverConfiguration(host: ""), "host"),
    ])
    func invalidConfigurationIsRefusedBeforeBinding(configuration: ReceiverConfiguration, key: String) async {
        do {
            try configuration.validate()
            Issue.record("validated")
        } catch {
            #expect(error.key == key)
            #expect(error.description.contains(key))
        }
        let server = GovTopServer(configuration: configuration, engine: Engine())
        await #expect(throws: ReceiverConfigurationError.self) { _ = try await server.start() }
    }
}
