import GovTopTestSupport
import GovTopClient
import NIOHTTP1
import Testing

@Suite struct OTLPHTTPClientTests {
    func client(_ server: TestHTTPServer, timeout: Duration = .seconds(10)) -> OTLPHTTPClient {
        OTLPHTTPClient(endpoint: OTLPEndpoint(host: "127.0.0.1", port: server.port), responseTimeout: timeout)
    }

    @Test func postsProtobufToThePathOverOneConnection() async throws {
        let server = try await TestHTTPServer(script: [])
        let client = client(server)
        for body: [UInt8] in [[1, 2, 3], [], [9]] {
            let reply = try await client.export(body)
            #expect(reply == ExportReply(status: 200))
        }
        await client.close()
        await server.stop()
        let requests = server.requests
        #expect(requests.map(\.body) == [[1, 2, 3], [], [9]])
        #expect(requests.allSatisfy { $0.path == "/v1/traces" && $0.contentType == "application/x-protobuf" })
        #expect(Set(requests.map(\.clientPort)).count == 1)
    }

    @Test func reconnectsAfterTheServerSaysClose() async throws {
        let server = try await TestHTTPServer(script: [.init(status: .ok, headers: [("Connection", "close")])])
        let client = client(server)
        _ = try await client.export([1])
        _ = try await client.export([2])
        await client.close()
        await server.stop()
        #expect(server.requests.count == 2)
        #expect(Set(server.requests.map(\.clientPort)).count == 2)
    }

    @Test func readsPartialSuccessInProtobuf() async throws {
        let message = Array("span 'x' has an invalid trace_id".utf8)
        let partial: [UInt8] = [0x08, 3, 0x12, UInt8(message.count)] + message
        let body: [UInt8] = [0x0A, UInt8(partial.count)] + partial
        let server = try await TestHTTPServer(script: [.init(status: .ok, headers: [("Content-Type", "application/x-protobuf")], body: body)])
        let reply = try await client(server).export([1])
        await server.stop()
        #expect(reply == ExportReply(status: 200, rejected: 3, message: "span 'x' has an invalid trace_id"))
    }

    @Test func readsPartialSuccessInJSON() async throws {
        let body = Array(#"{"partialSuccess":{"rejectedSpans":"2","errorMessage":"two bad"}}"#.utf8)
        let server = try await TestHTTPServer(script: [.init(status: .ok, headers: [("Content-Type", "application/json")], body: body)])
        let reply = try await client(server).export([1])
        await server.stop()
        #expect(reply == ExportReply(status: 200, rejected: 2, message: "two bad"))
    }

    @Test(arguments: [
        (TestHTTPServer.Response(status: .badRequest, headers: [("Content-Type", "application/x-protobuf")],
                                 body: [0x08, 3, 0x12, 11] + Array("bad payload".utf8)),
         ExportFailure.status(code: 400, message: "bad payload", retryAfterSeconds: nil)),
        (TestHTTPServer.Response(status: .serviceUnavailable, headers: [("Content-Type", "application/json"), ("Retry-After", "2")],
                                 body: Array(#"{"code":14,"message":"overloaded"}"#.utf8)),
         .status(code: 503, message: "overloaded", retryAfterSeconds: 2)),
        (TestHTTPServer.Response(status: .internalServerError, headers: [("Content-Type", "text/plain")], body: Array("boom\nat line 2".utf8)),
         .status(code: 500, message: "boom at line 2", retryAfterSeconds: nil)),
        (TestHTTPServer.Response(status: .notFound), .status(code: 404, message: "Not Found", retryAfterSeconds: nil)),
    ])
    func reportsFailureStatuses(response: TestHTTPServer.Response, failure: ExportFailure) async throws {
        let server = try await TestHTTPServer(script: [response])
        let client = client(server)
        await #expect(throws: failure) { try await client.export([1]) }
        #expect(try await client.export([2]) == ExportReply(status: 200))
        await server.stop()
    }

    /// The server answers only after 3 s; a 200 instead of the timeout error would mean the client
    /// waited for it. (No elapsed-time assertion: those flake on a loaded machine.)
    @Test func timesOutAndRecovers() async throws {
        let server = try await TestHTTPServer(script: [.init(status: .ok, delay: .seconds(3))])
        let client = client(server, timeout: .milliseconds(300))
        await #expect(throws: ExportFailure.timedOut(seconds: 0.3)) { try await client.export([1]) }
        #expect(try await client.export([2]) == ExportReply(status: 200))
        await client.close()
        await server.stop()
    }

    @Test func refusedConnectionSaysSo() async throws {
        let closed = try ClosedPort()
        let port = closed.port
        let client = OTLPHTTPClient(endpoint: OTLPEndpoint(host: "127.0.0.1", port: port))
        do {
            _ = try await client.export([1])
            Issue.record("export to a closed port succeeded")
        } catch {
            #expect(error == .connect(endpoint: "http://127.0.0.1:\(port)/v1/traces", reason: "connection refused (is the receiver running?)"))
        }
        withExtendedLifetime(closed) {}
    }
}
