import Foundation
import GovTopClient
import GovTopTestSupport
import NIOHTTP1
import Testing

/// The API client of `govtop attach`: tokens, statuses, bounded answers and TLS, against real
/// listening servers.
@Suite struct GovTopAPIClientTests {
    private func client(_ url: String, token: String? = nil, tls: TLSSettings = TLSSettings()) throws -> GovTopAPIClient {
        try GovTopAPIClient(url: try GovTopURL(parsing: url), token: token, tls: tls, connectTimeout: .seconds(10),
                            responseTimeout: .seconds(20))
    }

    @Test func sendsTheTokenAsABearerHeader() async throws {
        let server = try await TestHTTPServer(script: [TestHTTPServer.Response(status: .ok, body: Array(#"{"ok":1}"#.utf8))])
        let api = try client("http://127.0.0.1:\(server.port)", token: "s3cret")
        let body = try await api.get("/api/v1/summary")
        #expect(body == Array(#"{"ok":1}"#.utf8))
        #expect(server.requests.first?.authorization == "Bearer s3cret")
        #expect(server.requests.first?.path == "/api/v1/summary")
        #expect(server.requests.first?.method == "GET")
        await api.close()
        await server.stop()
    }

    @Test(arguments: [
        (nil, "govtop at http://127.0.0.1:PORT requires a token: pass --token-file"),
        ("wrong", "govtop at http://127.0.0.1:PORT refused the token: check the file given to --token-file"),
    ] as [(String?, String)])
    func aRefusedTokenSaysWhatToDo(token: String?, message: String) async throws {
        let server = try await TestHTTPServer(script: [TestHTTPServer.Response(status: .unauthorized, body: Array(#"{"error":"unauthorized"}"#.utf8))])
        let api = try client("http://127.0.0.1:\(server.port)", token: token)
        await #expect {
            _ = try await api.get("/api/v1/summary")
        } throws: { error in
            "\(error)" == message.replacingOccurrences(of: "PORT", with: String(server.port))
        }
        await api.close()
        await server.stop()
    }

    @Test func otherStatusesCarryTheServersMessage() async throws {
        let server = try await TestHTTPServer(script: [TestHTTPServer.Response(status: .notFound, headers: [("Content-Type", "application/json")],
                                                                               body: Array(#"{"error":"no alert with id 'a9'"}"#.utf8))])
        let api = try client("http://127.0.0.1:\(server.port)")
        await #expect {
            _ = try await api.post("/api/v1/alerts/a9/ack")
        } throws: { error in
            guard case .status(_, let path, 404, let message) = error as? APIFailure else { return false }
            return path == "/api/v1/alerts/a9/ack" && message == "no alert with id 'a9'"
        }
        #expect(server.requests.first?.method == "POST")
        await api.close()
        await server.stop()
    }

    @Test func anAnswerLargerThanTheBoundIsAnErrorNotATruncatedRead() async throws {
        let huge = [UInt8](repeating: UInt8(ascii: " "), count: GovTopAPIClient.maxBodyBytes + 10)
        let server = try await TestHTTPServer(script: [TestHTTPServer.Response(status: .ok, body: huge)])
        let api = try client("http://127.0.0.1:\(server.port)")
        await #expect {
            _ = try await api.get("/api/v1/traces")
        } throws: { error in
            guard case .tooLarge = error as? APIFailure else { return false }
            return "\(error)".contains("more than 16 MiB")
        }
        await api.close()
        await server.stop()
    }

    @Test func anUnreachableGovtopIsNamed() async throws {
        let closed = try ClosedPort()
        let port = closed.port
        let api = try client("http://127.0.0.1:\(port)")
        await #expect {
            _ = try await api.get("/api/v1/summary")
        } throws: { error in
            guard let failure = error as? APIFailure, case .unreachable = failure else { return false }
            return failure.isUnreachable && "\(error)".hasPrefix("govtop at http://127.0.0.1:\(port) is unreachable: connection refused")
        }
        await api.close()
        withExtendedLifetime(closed) {}
    }

    @Test(.enabled(if: TestCertificate.openssl != nil, "needs the openssl command to make a test certificate"))
    func httpsVerifiesTheCertificateAgainstTheCAFile() async throws {
        let certificate = try TestCertificate.make()
        defer { certificate.remove() }
        let server = try await TestHTTPServer(script: [TestHTTPServer.Response(status: .ok, body: Array("{}".utf8)),
                                                       TestHTTPServer.Response(status: .ok, body: Array("{}".utf8))],
                                              tls: try certificate.serverContext())
        for host in ["127.0.0.1", "localhost"] {
            let api = try client("https://\(host):\(server.port)", token: "t", tls: TLSSettings(caFile: certificate.certificatePath))
            #expect(try await api.get("/api/v1/summary") == Array("{}".utf8))
            await api.close()
        }
        #expect(server.requests.map(\.authorization) == ["Bearer t", "Bearer t"])
        await server.stop()
    }

    @Test(.enabled(if: TestCertificate.openssl != nil, "needs the openssl command to make a test certificate"))
    func anUntrustedCertificateIsRefusedWithWhatToDo() async throws {
        let certificate = try TestCertificate.make()
        defer { certificate.remove() }
        let other = try TestCertificate.make()
        defer { other.remove() }
        let server = try await TestHTTPServer(script: [], tls: try certificate.serverContext())
        for tls in [TLSSettings(), TLSSettings(caFile: other.certificatePath)] {
            let api = try client("https://127.0.0.1:\(server.port)", tls: tls)
            await #expect {
                _ = try await api.get("/api/v1/summary")
            } throws: { error in
                guard case .tls = error as? APIFailure, (error as? APIFailure)?.isRefusal == true else { return false }
                return "\(error)".contains("certificate could not be verified") && "\(error)".contains("--ca-file")
            }
            await api.close()
        }
        #expect(server.requests.isEmpty)
        await server.stop()
    }

    @Test(.enabled(if: TestCertificate.openssl != nil, "needs the openssl command to make a test certificate"))
    func plainHTTPToAServerThatSpeaksTLSSuggestsHTTPS() async throws {
        let certificate = try TestCertificate.make()
        defer { certificate.remove() }
        let server = try await TestHTTPServer(script: [], tls: try certificate.serverContext())
        let api = try client("http://127.0.0.1:\(server.port)")
        await #expect {
            _ = try await api.get("/api/v1/summary")
        } throws: { error in
            guard let failure = error as? APIFailure, failure.isUnreachable, !failure.isRefusal else { return false }
            return "\(error)".hasPrefix("govtop at http://127.0.0.1:\(server.port) is unreachable: connection lost")
                && "\(error)".hasSuffix("; if it serves https, give an https:// URL")
        }
        #expect(server.requests.isEmpty)
        await api.close()
        await server.stop()
    }

    @Test(.enabled(if: TestCertificate.openssl != nil, "needs the openssl command to make a test certificate"))
    func aCertificateForAnotherNameIsRefused() async throws {
        let certificate = try TestCertificate.make("elsewhere.example", hosts: ["elsewhere.example"])
        defer { certificate.remove() }
        let server = try await TestHTTPServer(script: [], tls: try certificate.serverContext())
        // The certificate names neither localhost nor 127.0.0.1.
        let api = try client("https://localhost:\(server.port)", tls: TLSSettings(caFile: certificate.certificatePath))
        await #expect {
            _ = try await api.get("/api/v1/summary")
        } throws: { error in
            guard case .tls = error as? APIFailure else { return false }
            return "\(error)".contains("could not be verified")
        }
        await api.close()
        await server.stop()
    }

    @Test func aMissingCAFileIsAnErrorBeforeAnyConnection() throws {
        #expect {
            _ = try client("https://127.0.0.1:1", tls: TLSSettings(caFile: "/nonexistent/ca.pem"))
        } throws: { error in
            "\(error)".contains("cannot read CA certificates from /nonexistent/ca.pem")
        }
    }

    @Test(arguments: [
        ("http://127.0.0.1:4318", "127.0.0.1:4318", "http://127.0.0.1:4318"),
        ("https://govtop.example", "govtop.example:443", "https://govtop.example"),
        ("http://[::1]:4318/prefix/", "[::1]:4318", "http://[::1]:4318/prefix"),
    ])
    func urlsAreReadWithTheirDefaults(text: String, label: String, description: String) throws {
        let url = try GovTopURL(parsing: text)
        #expect(url.label == label)
        #expect(url.description == description)
    }

    @Test(arguments: ["ftp://host", "127.0.0.1:4318", "http://host:4318/?q=1", "http://user@host"])
    func badURLsAreRefused(text: String) {
        #expect(throws: EndpointError.self) { _ = try GovTopURL(parsing: text) }
    }
}
