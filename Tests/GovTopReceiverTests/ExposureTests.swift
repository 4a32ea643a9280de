import GovTopCore
import Testing
@testable import GovTopReceiver

/// govtop listens beyond loopback only with a token, or when told `--insecure-no-auth`.
@Suite struct ExposureTests {
    static let beyond = ["0.0.0.0", "::", "192.0.2.10", "10.1.2.3", "2001:db8::1", "example.com", "my-host", "128.0.0.1", "::ffff:10.0.0.1"]
    static let loopback = ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]", "::ffff:127.0.0.1"]

    @Test(arguments: beyond)
    func beyondLoopbackWithoutATokenIsRefused(host: String) {
        let configuration = ReceiverConfiguration(host: host, port: 0)
        #expect(configuration.listensBeyondLoopback)
        let error = #expect(throws: ReceiverConfigurationError.self) { try configuration.validate() }
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains(host) && text.contains("--token-file") && text.contains("--insecure-no-auth"), "\(text)")
    }

    @Test(arguments: beyond)
    func aTokenOrInsecureNoAuthAllowsIt(host: String) throws {
        var withToken = ReceiverConfiguration(host: host, port: 0)
        withToken.access = AccessControl(token: try BearerToken(fileText: "t0ken"))
        try withToken.validate()
        var insecure = ReceiverConfiguration(host: host, port: 0)
        insecure.allowsOpenExposure = true
        try insecure.validate()
    }

    @Test(arguments: loopback)
    func loopbackNeedsNoToken(host: String) throws {
        let configuration = ReceiverConfiguration(host: host, port: 0)
        #expect(!configuration.listensBeyondLoopback)
        try configuration.validate()
    }

    @Test func theServerRefusesToStartOpenBeyondLoopback() async throws {
        let server = GovTopServer(configuration: ReceiverConfiguration(host: "0.0.0.0", port: 0), engine: Engine())
        await #expect(throws: ReceiverConfigurationError.self) { try await server.start() }
    }
}
