import GovTopCore
import Testing

@Suite struct NotificationURLTests {
    @Test(arguments: [
        ("http://127.0.0.1:9000/hook", false, "127.0.0.1", 9000, "/hook"),
        ("https://hooks.slack.com/services/T000/B000/XXXX", true, "hooks.slack.com", 443, "/services/T000/B000/XXXX"),
        ("http://example.org", false, "example.org", 80, "/"),
        ("HTTPS://[::1]:8443/a?b=c#frag", true, "::1", 8443, "/a?b=c"),
    ])
    func parses(text: String, tls: Bool, host: String, port: Int, path: String) throws {
        let url = try NotificationURL(parsing: text)
        #expect(url.isTLS == tls)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.path == path)
    }

    @Test(arguments: [
        ("ftp://example.org/x", "the scheme must be http or https, not ftp"),
        ("example.org/hook", "it has no scheme"),
        ("http://user:secret@example.org/", "user information (user:password@) is not supported"),
        ("http://:80/", "it has no host"),
        ("http://example.org:99999/", "the port must be a number from 1 to 65535"),
        ("http://exa mple.org/", "the host has characters a host name cannot have"),
        ("http://example.org/a b", "the path must be printable ASCII"),
    ])
    func refuses(text: String, reason: String) {
        #expect(throws: NotificationURLError.self) { try NotificationURL(parsing: text) }
        do throws(NotificationURLError) {
            _ = try NotificationURL(parsing: text)
        } catch {
            #expect(error.reason.hasPrefix(reason))
        }
    }

    @Test(arguments: [
        ("https://hooks.slack.com/services/T000/B000/XXXXSECRET", "https://hooks.slack.com/services/T000/B000/****"),
        ("http://127.0.0.1:9000/hook?token=abc", "http://127.0.0.1:9000/hook?…"),
        ("http://127.0.0.1:9000/hook", "http://127.0.0.1:9000/hook"),
    ])
    func masksSecrets(text: String, shown: String) throws {
        #expect(try NotificationURL(parsing: text).masked == shown)
    }
}
