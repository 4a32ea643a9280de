import GovTopCore
import Testing
@testable import GovTopReceiver

/// The bearer token on the OTLP/gRPC door (`otlp_auth`): `authorization` metadata, `UNAUTHENTICATED`
/// (16) without it, before the method is looked at.
@Suite struct AccessGRPCTests {
    static func configuration(otlpAuth: Bool) -> ReceiverConfiguration {
        var configuration = ReceiverConfiguration.forTests()
        configuration.access = AccessControl(token: try! BearerToken(fileText: AccessHTTPTests.token), otlpRequiresToken: otlpAuth)
        return configuration
    }

    static func export(_ client: GRPCTestClient, path: String = GRPCTestClient.tracePath, authorization: String?) async throws -> GRPCTestClient.Reply {
        try await client.call(path, body: GRPCTestClient.framed(OTLPFixtures.traceBody(spans: 3)),
                              extraHeaders: authorization.map { [("authorization", $0)] } ?? [])
    }

    @Test(arguments: [nil, "Bearer wrong", "Basic \(AccessHTTPTests.token)", AccessHTTPTests.token])
    func callsWithoutTheTokenAreUnauthenticated(authorization: String?) async throws {
        try await withGRPCServer(Self.configuration(otlpAuth: true)) { client, _, engine in
            for path in [GRPCTestClient.tracePath, GRPCTestClient.metricsPath, "/no.such.Service/Export"] {
                let reply = try await Self.export(client, path: path, authorization: authorization)
                #expect(reply.httpStatus == 200)
                #expect(reply.status == 16, "\(path): \(reply.message ?? "")")
                #expect(reply.message?.contains("Bearer") == true)
            }
            #expect(engine.summary().spansReceived == 0)
        }
    }

    @Test func theRightTokenIsServed() async throws {
        try await withGRPCServer(Self.configuration(otlpAuth: true)) { client, _, engine in
            let reply = try await Self.export(client, authorization: "Bearer \(AccessHTTPTests.token)")
            #expect(reply.status == 0)
            #expect(engine.summary().spansReceived == 3)
            // Past the check, an unknown method is named as such.
            let unknown = try await Self.export(client, path: "/no.such.Service/Export", authorization: "Bearer \(AccessHTTPTests.token)")
            #expect(unknown.status == 12)
        }
    }

    @Test func theDoorIsOpenUnlessAsked() async throws {
        try await withGRPCServer(Self.configuration(otlpAuth: false)) { client, _, engine in
            let reply = try await Self.export(client, authorization: nil)
            #expect(reply.status == 0)
            #expect(engine.summary().spansReceived == 3)
        }
    }
}
