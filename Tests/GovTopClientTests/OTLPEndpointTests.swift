import GovTopClient
import Testing

@Suite struct OTLPEndpointTests {
    @Test(arguments: [
        ("http://127.0.0.1:4318", "127.0.0.1", 4318, "/v1/traces", "127.0.0.1:4318"),
        ("http://127.0.0.1:4318/", "127.0.0.1", 4318, "/v1/traces", "127.0.0.1:4318"),
        ("HTTP://collector.local/otlp/v1/traces", "collector.local", 80, "/otlp/v1/traces", "collector.local"),
        ("http://[::1]:9000", "::1", 9000, "/v1/traces", "[::1]:9000"),
        ("http://localhost:4318/v1/traces?tenant=a#frag", "localhost", 4318, "/v1/traces?tenant=a", "localhost:4318"),
        ("http://localhost:4318?tenant=a", "localhost", 4318, "/v1/traces?tenant=a", "localhost:4318"),
        ("  http://h:1  ", "h", 1, "/v1/traces", "h:1"),
    ])
    func parses(text: String, host: String, port: Int, path: String, hostHeader: String) throws {
        let endpoint = try OTLPEndpoint(parsing: text)
        #expect(endpoint.host == host)
        #expect(endpoint.port == port)
        #expect(endpoint.path == path)
        #expect(endpoint.hostHeader == hostHeader)
        #expect(endpoint.description == "http://\(hostHeader)\(path)")
    }

    @Test(arguments: [
        ("127.0.0.1:4318", "no scheme"),
        ("https://collector:4318", "https is not supported"),
        ("grpc://collector:4317", "scheme must be http"),
        ("http://:4318", "no host"),
        ("http://host:0", "port must be a number from 1 to 65535"),
        ("http://host:65536", "port must be a number from 1 to 65535"),
        ("http://host:99999999999999999999", "port must be a number"),
        ("http://host:", "port must be a number"),
        ("http://host:12ab", "port must be a number"),
        ("http://[::1:4318", "no closing ]"),
        ("http://[::1]4318", "expected :PORT"),
        ("http://user:pw@host:1", "user information"),
        ("http://ho st:1", "characters a host name cannot have"),
        ("http://host:1/a b", "printable ASCII"),
    ])
    func refuses(text: String, reason: String) {
        #expect {
            try OTLPEndpoint(parsing: text)
        } throws: { error in
            guard let error = error as? EndpointError else { return false }
            return error.reason.contains(reason) && error.description.contains(text)
        }
    }
}
