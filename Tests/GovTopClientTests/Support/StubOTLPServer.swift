import GovTopTestSupport

/// The client tests' name for the test server they share with the notification tests
/// (`TestHTTPServer` in Tests/GovTopTestSupport).
typealias StubOTLPServer = TestHTTPServer
