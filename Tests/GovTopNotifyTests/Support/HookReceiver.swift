import GovTopTestSupport

/// The notification tests' name for the test server they share with the client tests
/// (`TestHTTPServer` in Tests/GovTopTestSupport): a webhook receiver.
typealias HookReceiver = TestHTTPServer

extension TestHTTPServer {
    /// The URL a webhook sink under test posts to.
    var url: String { "http://127.0.0.1:\(port)/hook" }
}
