import Foundation
import GovTopCore
import GovTopTestSupport
import Testing
@testable import GovTopReceiver

/// Both doors over TLS with a certificate made at test time by `openssl`, checked by swift-nio-ssl
/// clients that verify it; bad certificate and key files stop the server before it listens.
@Suite struct TLSTests {
    static func configuration(_ certificate: TestCertificate, token: String? = nil) throws -> ReceiverConfiguration {
        var configuration = ReceiverConfiguration.forTests()
        configuration.tls = TLSFiles(certificatePath: certificate.certificatePath, keyPath: certificate.keyPath)
        if let token { configuration.access = AccessControl(token: try BearerToken(fileText: token)) }
        return configuration
    }

    @Test func theHTTPDoorSpeaksTLS() async throws {
        let certificate = try TestCertificate.make()
        defer { certificate.remove() }
        try await withServer(try Self.configuration(certificate)) { port, _ in
            let health = try await TLSTestClient.request(port: port, trustRoot: certificate.certificatePath, "GET", "/healthz")
            #expect(health.status == 200)
            let summary = try await TLSTestClient.request(port: port, trustRoot: certificate.certificatePath, "GET", "/api/v1/summary")
            #expect(summary.status == 200)
            #expect(summary.text.contains("spans_received"))
        }
    }

    @Test func theTokenIsCheckedInsideTLS() async throws {
        let certificate = try TestCertificate.make()
        defer { certificate.remove() }
        try await withServer(try Self.configuration(certificate, token: "tls-token")) { port, _ in
            let root = certificate.certificatePath
            #expect(try await TLSTestClient.request(port: port, trustRoot: root, "GET", "/api/v1/summary").status == 401)
            let authorized = try await TLSTestClient.request(port: port, trustRoot: root, "GET", "/api/v1/summary",
                                                            headers: [("Authorization", "Bearer tls-token")])
            #expect(authorized.status == 200)
        }
    }

    @Test func plainHTTPGetsNoAnswerFromATLSPort() async throws {
        let certificate = try TestCertificate.make()
        defer { certificate.remove() }
        try await withServer(try Self.configuration(certificate)) { port, _ in
            let answered = try await blocking { () -> Bool in
                let client = try HTTPTestClient(port: port)
                return (try? client.exchange("GET", "/healthz")) != nil
            }
            #expect(!answered)
        }
    }

    @Test func aClientThatDoesNotTrustTheCertificateIsRefused() async throws {
        let certificate = try TestCertificate.make()
        let stranger = try TestCertificate.make("someone-else")
        defer { certificate.remove(); stranger.remove() }
        try await withServer(try Self.configuration(certificate)) { port, _ in
            let answer = try? await TLSTestClient.request(port: port, trustRoot: stranger.certificatePath, "GET", "/healthz")
            #expect(answer == nil)
        }
    }

    @Test func theGRPCDoorSpeaksTLSWithALPNh2() async throws {
        let certificate = try TestCertificate.make()
        defer { certificate.remove() }
        var configuration = try Self.configuration(certificate)
        configuration.grpcPort = 0
        let engine = Engine()
        let server = GovTopServer(configuration: configuration, engine: engine)
        _ = try await server.start()
        do {
            let port = try #require(server.grpcPort)
            let context = try TLSTestClient.context(trusting: certificate.certificatePath, protocols: ["h2"])
            let client = try await GRPCTestClient(port: port, tls: context)
            let reply = try await client.export(GRPCTestClient.tracePath, message: OTLPFixtures.traceBody(spans: 4))
            await client.close()
            #expect(reply.status == 0)
            #expect(engine.summary().spansReceived == 4)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func aKeyThatDoesNotMatchTheCertificateIsNamed() async throws {
        let certificate = try TestCertificate.make()
        let other = try TestCertificate.make("other")
        defer { certificate.remove(); other.remove() }
        var configuration = ReceiverConfiguration.forTests()
        configuration.tls = TLSFiles(certificatePath: certificate.certificatePath, keyPath: other.keyPath)
        let server = GovTopServer(configuration: configuration, engine: Engine())
        let error = await #expect(throws: TLSSetupError.self) { try await server.start() }
        #expect(error?.file == other.keyPath)
        #expect(error?.description.contains("does not match") == true, "\(String(describing: error))")
    }

    @Test func missingAndMalformedFilesAreNamed() throws {
        let certificate = try TestCertificate.make()
        defer { certificate.remove() }
        let garbage = certificate.directory.appendingPathComponent("garbage.pem").path
        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: garbage))
        let missing = certificate.directory.appendingPathComponent("missing.pem").path
        for (files, named) in [
            (TLSFiles(certificatePath: missing, keyPath: certificate.keyPath), missing),
            (TLSFiles(certificatePath: certificate.certificatePath, keyPath: missing), missing),
            (TLSFiles(certificatePath: garbage, keyPath: certificate.keyPath), garbage),
            (TLSFiles(certificatePath: certificate.certificatePath, keyPath: garbage), garbage),
            (TLSFiles(certificatePath: certificate.directory.path, keyPath: certificate.keyPath), certificate.directory.path),
        ] {
            let error = #expect(throws: TLSSetupError.self) { try files.check() }
            #expect(error?.file == named, "\(String(describing: error))")
            #expect(error?.description.contains("--tls-cert") == true)
        }
    }
}
