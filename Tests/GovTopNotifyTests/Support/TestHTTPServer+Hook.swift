import GovTopTestSupport

extension TestHTTPServer {
    /// The URL a webhook sink under test posts to.
    var url: String { "http://127.0.0.1:\(port)/hook" }
}
