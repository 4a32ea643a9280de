@testable import GovTopClient
import GovTopTestSupport
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

/// The one HTTP client connection behind the OTLP exporter and `govtop attach` (internal to
/// GovTopClient, hence `@testable`): the parts not already covered through those clients.
@Suite struct HTTPConnectionTests {
    /// NIOSSL puts no limit on a handshake: without the connection's own, a server that accepts and
    /// never answers would hold the request forever (the time limit turns that into a failure).
    @Test(.timeLimit(.minutes(1)))
    func aServerThatNeverAnswersTheTLSHandshakeFailsAfterTheConnectTimeout() async throws {
        let server = try await TestHTTPServer.silent()
        let connection = HTTPConnection(host: "127.0.0.1", port: server.port, display: "https://127.0.0.1:\(server.port)",
                                        tls: try TLSSettings().makeContext(), group: MultiThreadedEventLoopGroup.singleton,
                                        connectTimeout: .milliseconds(500))
        await #expect(throws: ExportFailure.tls(reason: "the server did not complete the TLS handshake within 0.5 s")) {
            try await connection.send(HTTPRequestHead(version: .http1_1, method: .GET, uri: "/"), timeout: .seconds(600))
        }
        await connection.close()
        await server.stop()
    }
}
