import Foundation
import GovTopCore
import Testing
@testable import GovTopReceiver

/// The bearer token on the HTTP door, against a real server: every endpoint without a token, with a
/// wrong one and with the right one; the `401` is the same whether the path exists or not.
@Suite struct AccessHTTPTests {
    static let token = "s3cret-token-for-tests"

    /// A request as the test sends it.
    struct Endpoint: Sendable, CustomTestStringConvertible {
        var method: String
        var target: String
        var testDescription: String { "\(method) \(target)" }
        var path: String { String(target.prefix { $0 != "?" }) }
    }

    /// Every endpoint the router serves (`everyRoutedPathIsInTheCatalogue` keeps this complete).
    static let known: [Endpoint] = [
        Endpoint(method: "GET", target: "/api/v1/summary"),
        Endpoint(method: "HEAD", target: "/api/v1/summary"),
        Endpoint(method: "GET", target: "/api/v1/traces"),
        Endpoint(method: "GET", target: "/api/v1/traces/0000000000000000000000000000000a"),
        Endpoint(method: "GET", target: "/api/v1/groups?by=model"),
        Endpoint(method: "GET", target: "/api/v1/budgets"),
        Endpoint(method: "GET", target: "/api/v1/alerts"),
        Endpoint(method: "GET", target: "/api/v1/policies"),
        Endpoint(method: "GET", target: "/api/v1/history?bucket=hour"),
        Endpoint(method: "POST", target: "/api/v1/alerts/some-alert/ack"),
        Endpoint(method: "GET", target: "/metrics"),
    ]

    /// Every path the router serves, read from its source with GET and POST, so a route added later
    /// is covered by the tests of the token without being listed here; a prefix route gets a path under it.
    static let routed: [Endpoint] = {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/GovTopReceiver/Routing/RequestRouter.swift")
        let text = (try? String(contentsOf: source, encoding: .utf8)) ?? ""
        let paths = text.matches(of: #/(?:case|Prefix =) "(/[^"]*)"/#).map { String($0.output.1) }
            .filter { $0 != "/healthz" }
            .map { $0.hasSuffix("/") ? $0 + "0000000000000000000000000000000b" : $0 }
        return paths.flatMap { [Endpoint(method: "GET", target: $0), Endpoint(method: "POST", target: $0)] }
    }()

    /// Paths and methods that do not exist, and malformed parameters.
    static let unknown: [Endpoint] = [
        Endpoint(method: "GET", target: "/"),
        Endpoint(method: "GET", target: "/admin"),
        Endpoint(method: "GET", target: "/api/v1/nothing-here"),
        Endpoint(method: "GET", target: "/api/v1/traces/a/b"),
        Endpoint(method: "GET", target: "/api/v1/groups?by=no-such-dimension"),
        Endpoint(method: "DELETE", target: "/api/v1/budgets"),
        Endpoint(method: "POST", target: "/api/v1/summary"),
        Endpoint(method: "GET", target: "/api/v2/summary"),
    ]

    static var configuration: ReceiverConfiguration {
        var configuration = ReceiverConfiguration.forTests()
        configuration.access = AccessControl(token: try! BearerToken(fileText: token + "\n"))
        return configuration
    }

    static func send(_ endpoint: Endpoint, port: Int, authorization: String?) async throws -> TestResponse {
        try await blocking {
            let client = try HTTPTestClient(port: port)
            try client.send(endpoint.method, endpoint.target, headers: authorization.map { [("Authorization", $0)] } ?? [])
            return try client.readResponse(bodyExpected: endpoint.method != "HEAD")
        }
    }

    /// The parts of a 401 that must not differ between paths.
    static func fingerprint(_ response: TestResponse) -> [String] {
        [String(response.status), response.header("WWW-Authenticate") ?? "-", response.header("Content-Type") ?? "-",
         response.header("Connection") ?? "-", response.text]
    }

    @Test(arguments: known + unknown + routed)
    func withoutATokenEveryPathGetsTheSame401(endpoint: Endpoint) async throws {
        try await withServer(Self.configuration) { port, _ in
            let reference = try await Self.send(Endpoint(method: "GET", target: "/api/v1/summary"), port: port, authorization: nil)
            let response = try await Self.send(endpoint, port: port, authorization: nil)
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate") == #"Bearer realm="govtop""#)
            #expect(response.header("Connection") == "close")
            if endpoint.method != "HEAD" {
                #expect(Self.fingerprint(response) == Self.fingerprint(reference))
                #expect(response.text.contains("Authorization: Bearer"))
            }
        }
    }

    @Test(arguments: known + unknown + routed)
    func aWrongTokenGetsTheSame401Everywhere(endpoint: Endpoint) async throws {
        try await withServer(Self.configuration) { port, _ in
            let reference = try await Self.send(Endpoint(method: "GET", target: "/nowhere"), port: port, authorization: "Bearer wrong")
            for authorization in ["Bearer wrong", "Bearer \(Self.token)x", "Bearer \(Self.token.dropLast())", "Basic \(Self.token)",
                                  Self.token, "Bearer", "Bearer  "] {
                let response = try await Self.send(endpoint, port: port, authorization: authorization)
                #expect(response.status == 401, "\(authorization)")
                #expect(response.header("WWW-Authenticate") == #"Bearer realm="govtop", error="invalid_token""#)
                if endpoint.method != "HEAD" { #expect(Self.fingerprint(response) == Self.fingerprint(reference)) }
            }
        }
    }

    @Test(arguments: known)
    func theRightTokenReachesEveryEndpoint(endpoint: Endpoint) async throws {
        try await withServer(Self.configuration) { port, _ in
            for authorization in ["Bearer \(Self.token)", "bearer \(Self.token)", "BEARER   \(Self.token)"] {
                let response = try await Self.send(endpoint, port: port, authorization: authorization)
                #expect(response.status != 401, "\(authorization)")
                // The trace and the alert do not exist: found by the router, not by the store.
                let absent = endpoint.path.hasPrefix(RequestRouter.tracePrefix) || endpoint.path.hasPrefix(RequestRouter.alertPrefix)
                #expect(absent ? response.status == 404 : response.status == 200, "\(response.status) \(response.text)")
            }
        }
    }

    @Test(arguments: routed)
    func theRightTokenGetsPastTheCheckOnEveryRoutedPath(endpoint: Endpoint) async throws {
        try await withServer(Self.configuration) { port, _ in
            let response = try await Self.send(endpoint, port: port, authorization: "Bearer \(Self.token)")
            #expect(response.status != 401, "\(response.status) \(response.text)")
        }
    }

    @Test(arguments: unknown)
    func theRightTokenThenLearnsWhatDoesNotExist(endpoint: Endpoint) async throws {
        try await withServer(Self.configuration) { port, _ in
            let response = try await Self.send(endpoint, port: port, authorization: "Bearer \(Self.token)")
            #expect([400, 404, 405].contains(response.status), "\(response.status) \(response.text)")
        }
    }

    @Test func healthStaysOpenForProbes() async throws {
        try await withServer(Self.configuration) { port, _ in
            for authorization in [nil, "Bearer wrong", "Bearer \(Self.token)"] {
                let response = try await Self.send(Endpoint(method: "GET", target: "/healthz"), port: port, authorization: authorization)
                #expect(response.status == 200)
            }
        }
    }

    @Test func withoutATokenConfiguredEverythingIsOpen() async throws {
        try await withServer { port, _ in
            for endpoint in Self.known where !endpoint.path.hasPrefix(RequestRouter.tracePrefix) && !endpoint.path.hasPrefix(RequestRouter.alertPrefix) {
                let response = try await Self.send(endpoint, port: port, authorization: nil)
                #expect(response.status == 200, "\(endpoint.testDescription)")
            }
        }
    }

    @Test func metricsCanBeLeftOpenForAScraper() async throws {
        var configuration = Self.configuration
        configuration.access.metricsRequireToken = false
        try await withServer(configuration) { port, _ in
            let metrics = try await Self.send(Endpoint(method: "GET", target: "/metrics"), port: port, authorization: nil)
            let summary = try await Self.send(Endpoint(method: "GET", target: "/api/v1/summary"), port: port, authorization: nil)
            #expect(metrics.status == 200)
            #expect(summary.status == 401)
        }
    }

    @Test func theOTLPDoorIsOpenUnlessAsked() async throws {
        try await withServer(Self.configuration) { port, engine in
            let response = try await APIClient(port: port).post(OTLPFixtures.traceRequest([OTLPFixtures.span(trace: 1, id: 1)]))
            #expect(response.status == 200)
            #expect(engine.summary().spansReceived == 1)
        }
    }

    @Test func theOTLPDoorAsksForTheTokenWhenTold() async throws {
        var configuration = Self.configuration
        configuration.access.otlpRequiresToken = true
        let body = OTLPFixtures.traceBody(spans: 2)
        func export(_ path: String, _ authorization: String?, port: Int) async throws -> TestResponse {
            try await blocking {
                var headers = [OTLPFixtures.contentTypeProtobuf]
                if let authorization { headers.append(("Authorization", authorization)) }
                return try HTTPTestClient(port: port).exchange("POST", path, headers: headers, body: body)
            }
        }
        try await withServer(configuration) { port, engine in
            let missing = try await export("/v1/traces", nil, port: port)
            #expect(missing.status == 401)
            #expect(missing.header("Content-Type") == "application/x-protobuf")
            #expect(missing.header("WWW-Authenticate") == #"Bearer realm="govtop""#)
            let unknownPath = try await export("/v1/secrets", nil, port: port)
            #expect(Self.fingerprint(unknownPath) == Self.fingerprint(missing))
            #expect(try await export("/v1/traces", "Bearer nope", port: port).status == 401)
            #expect(engine.summary().spansReceived == 0)
            #expect(try await export("/v1/traces", "Bearer \(Self.token)", port: port).status == 200)
            #expect(engine.summary().spansReceived == 2)
        }
    }

    /// The router's paths are found in its source, so the guard holds for real.
    @Test func theRoutedPathsAreFoundInTheRouter() {
        #expect(Self.routed.count >= 20, "\(Self.routed.map(\.testDescription))")
        #expect(Self.routed.contains { $0.target == "/api/v1/summary" })
    }
}
