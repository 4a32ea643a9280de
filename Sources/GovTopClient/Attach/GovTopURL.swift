import GovTopCore

/// Where a running govtop serves its JSON API: `http://HOST[:PORT]` or `https://HOST[:PORT]`
/// (port 80 or 443 when not given; govtop's default is 4318). A path, if given, is a prefix put
/// before `/api/v1/…` (a govtop behind a reverse proxy at `https://proxy/govtop`).
public struct GovTopURL: Hashable, Sendable, CustomStringConvertible {
    public let https: Bool
    public let host: String
    public let port: Int
    /// "" or a prefix starting with "/" and not ending with "/".
    public let pathPrefix: String

    public init(parsing text: String) throws(EndpointError) {
        let url: HTTPURL
        do {
            url = try HTTPURL(parsing: text)
        } catch {
            throw EndpointError(text, error, acceptsTLS: true)
        }
        guard !url.path.contains("?") else { throw EndpointError(text, "a govtop URL takes no query; give http://HOST:PORT") }
        https = url.isTLS
        host = url.host
        port = url.port
        var prefix = url.path
        while prefix.hasSuffix("/") { prefix.removeLast() }
        pathPrefix = prefix
    }

    /// `host:port`, as the dashboard names the instance.
    public var label: String {
        HTTPURL.bracketed(host) + ":\(port)"
    }

    /// The value of the `Host` header.
    var hostHeader: String { HTTPURL.hostHeader(host: host, port: port, isTLS: https) }

    public var description: String { (https ? "https://" : "http://") + hostHeader + pathPrefix }
}
