/// Where an HTTP sink posts: an `http://` or `https://` URL split into what a request needs,
/// validated when the configuration is read.
///
/// `SCHEME://HOST[:PORT][/PATH][?QUERY]`; the port defaults to 80 or 443 and an empty path is `/`.
/// IPv6 hosts are written in brackets. User information (`user:pass@`) is refused: secrets belong
/// in the path or query, where `masked` hides them.
public struct NotificationURL: Hashable, Sendable, CustomStringConvertible {
    public let isTLS: Bool
    /// Without brackets.
    public let host: String
    public let port: Int
    /// Path and query, starting with `/`.
    public let path: String

    public init(parsing text: String) throws(NotificationURLError) {
        let url: HTTPURL
        do {
            url = try HTTPURL(parsing: text)
        } catch {
            throw NotificationURLError(reason: Self.reason(error))
        }
        isTLS = url.isTLS
        host = url.host
        port = url.port
        path = url.path.isEmpty ? "/" : url.path
    }

    /// The parser's reasons, worded for a sink's `url` setting.
    private static func reason(_ error: HTTPURLError) -> String {
        switch error {
        case .noScheme: "it has no scheme; write it like http://127.0.0.1:9000/hook"
        case .unsupportedScheme(let scheme): "the scheme must be http or https, not \(ControlCharacters.replaced(in: scheme))"
        default: error.description
        }
    }

    /// The value of the `Host` header.
    public var hostHeader: String { HTTPURL.hostHeader(host: host, port: port, isTLS: isTLS) }

    public var description: String { "\(isTLS ? "https" : "http")://\(hostHeader)\(path)" }

    /// The URL as the API and messages show it: a query is cut to `?…`, and for a Slack incoming
    /// webhook (`/services/T…/B…/secret`) every path segment after the first two is masked, since the
    /// URL itself is the credential.
    public var masked: String {
        var shown = path
        if let query = shown.firstIndex(of: "?") { shown = String(shown[..<query]) + "?…" }
        let segments = shown.split(separator: "/", omittingEmptySubsequences: false)
        if let services = segments.firstIndex(of: "services"), segments.count > services + 3 {
            let kept = segments[...(services + 2)].joined(separator: "/")
            let masked = segments[(services + 3)...].map { $0.isEmpty ? "" : "****" }.joined(separator: "/")
            shown = kept + "/" + masked
        }
        return "\(isTLS ? "https" : "http")://\(hostHeader)\(shown)"
    }
}

/// A sink URL that cannot be used, and why (the configuration names where it is).
public struct NotificationURLError: Error, Hashable, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
