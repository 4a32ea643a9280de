import GovTopCore
import Testing

/// The one `http(s)://` parser behind `--endpoint`, `govtop attach URL` and the notification sinks.
@Suite struct HTTPURLTests {
    @Test(arguments: [
        ("http://127.0.0.1:4318", false, "127.0.0.1", 4318, "", "127.0.0.1:4318"),
        ("https://hooks.slack.com/services/T000/B000/XXXX", true, "hooks.slack.com", 443, "/services/T000/B000/XXXX",
         "hooks.slack.com"),
        ("HTTP://example.org/", false, "example.org", 80, "/", "example.org"),
        ("HtTpS://example.org:80", true, "example.org", 80, "", "example.org:80"),
        ("http://example.org:443/a", false, "example.org", 443, "/a", "example.org:443"),
        ("HTTPS://[::1]:8443/a?b=c#frag", true, "::1", 8443, "/a?b=c", "[::1]:8443"),
        ("https://[fe80::1%25eth0]", true, "fe80::1%25eth0", 443, "", "[fe80::1%25eth0]"),
        ("http://[::1]", false, "::1", 80, "", "[::1]"),
        ("http://localhost:4318?tenant=a", false, "localhost", 4318, "/?tenant=a", "localhost:4318"),
        ("http://host#only-a-fragment", false, "host", 80, "", "host"),
        ("  http://h:1/p  ", false, "h", 1, "/p", "h:1"),
        ("http://h:00080/x", false, "h", 80, "/x", "h"),
    ])
    func parses(text: String, tls: Bool, host: String, port: Int, path: String, hostHeader: String) throws {
        let url = try HTTPURL(parsing: text)
        #expect(url.isTLS == tls)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.path == path)
        #expect(url.hostHeader == hostHeader)
    }

    @Test(arguments: [
        ("127.0.0.1:4318", HTTPURLError.noScheme),
        ("ftp://example.org/x", .unsupportedScheme("ftp")),
        ("GRPC://collector:4317", .unsupportedScheme("grpc")),
        ("http://user:secret@example.org/", .userInformation),
        ("http://@example.org/", .userInformation),
        ("http://example.org/a b", .unprintablePath),
        ("http://example.org/\u{7F}", .unprintablePath),
        ("http://example.org/caf\u{E9}", .unprintablePath),
        ("http://example.org/a?q=\u{1B}[31m", .unprintablePath),
        ("http://[::1:4318", .unclosedIPv6),
        ("http://[::1]4318", .textAfterIPv6),
        ("http://:80/", .noHost),
        ("http://[]:80/", .noHost),
        ("http:///path", .noHost),
        ("http://exa mple.org/", .invalidHost("exa mple.org")),
        ("http://h\u{E9}te/", .invalidHost("h\u{E9}te")),
        ("http://host:0", .invalidPort("0")),
        ("http://host:65536", .invalidPort("65536")),
        ("http://host:99999999999999999999", .invalidPort("99999999999999999999")),
        ("http://host:", .invalidPort("")),
        ("http://host:12ab", .invalidPort("12ab")),
        ("http://host:-1", .invalidPort("-1")),
    ])
    func refuses(text: String, error: HTTPURLError) {
        #expect(throws: error) { try HTTPURL(parsing: text) }
    }

    @Test func httpsIsRefusedWhereOnlyHTTPIsAccepted() throws {
        #expect(throws: HTTPURLError.tlsNotAccepted) { try HTTPURL(parsing: "https://collector:4318", acceptsTLS: false) }
        // Before anything else in the URL is looked at: the caller's wording about https applies.
        #expect(throws: HTTPURLError.tlsNotAccepted) { try HTTPURL(parsing: "HTTPS://user@:0", acceptsTLS: false) }
        #expect(try HTTPURL(parsing: "http://collector:4318", acceptsTLS: false).isTLS == false)
    }

    @Test(arguments: [
        ("127.0.0.1", 80, false, "127.0.0.1"),
        ("127.0.0.1", 443, false, "127.0.0.1:443"),
        ("127.0.0.1", 443, true, "127.0.0.1"),
        ("::1", 4318, false, "[::1]:4318"),
        ("::1", 443, true, "[::1]"),
    ])
    func buildsTheHostHeader(host: String, port: Int, tls: Bool, header: String) {
        #expect(HTTPURL.hostHeader(host: host, port: port, isTLS: tls) == header)
    }

    @Test func everyRefusalHasAReason() {
        let errors: [HTTPURLError] = [.noScheme, .unsupportedScheme("x"), .tlsNotAccepted, .userInformation, .unprintablePath,
                                      .unclosedIPv6, .textAfterIPv6, .noHost, .invalidHost("x"), .invalidPort("x")]
        #expect(Set(errors.map(\.description)).count == errors.count)
        #expect(errors.allSatisfy { !$0.description.isEmpty })
    }
}
