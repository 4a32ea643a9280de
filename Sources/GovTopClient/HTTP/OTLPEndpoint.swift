import GovTopCore

/// Where OTLP/HTTP trace exports go: an `http://` URL split into what a request needs.
///
/// `http://HOST[:PORT][/PATH]`; the port defaults to 80 and an empty path (or `/`) becomes
/// `/v1/traces`, the OTLP/HTTP traces path, so `http://127.0.0.1:4318` names govtop's receiver.
/// IPv6 hosts are written in brackets (`http://[::1]:4318`). TLS is not supported.
public struct OTLPEndpoint: Hashable, Sendable, CustomStringConvertible {
    public static let tracesPath = "/v1/traces"

    /// The host to connect to, without brackets.
    public let host: String
    public let port: Int
    /// Path and query, starting with "/".
    public let path: String

    public init(host: String, port: Int, path: String = OTLPEndpoint.tracesPath) {
        self.host = host
        self.port = port
        self.path = path
    }

    public init(parsing text: String) throws(EndpointError) {
        let url: HTTPURL
        do {
            url = try HTTPURL(parsing: text, acceptsTLS: false)
        } catch {
            throw EndpointError(text, error, acceptsTLS: false)
        }
        var path = url.path
        if path.isEmpty || path == "/" { path = Self.tracesPath }
        if path.hasPrefix("/?") { path = Self.tracesPath + path.dropFirst() }
        self.init(host: url.host, port: url.port, path: path)
    }

    /// The value of the `Host` header.
    public var hostHeader: String { HTTPURL.hostHeader(host: host, port: port, isTLS: false) }

    public var description: String { "http://\(hostHeader)\(path)" }
}

/// An endpoint URL that cannot be used, with the reason.
public struct EndpointError: Error, Hashable, Sendable, CustomStringConvertible {
    public let url: String
    public let reason: String

    init(_ url: String, _ reason: String) {
        self.url = url
        self.reason = reason
    }

    /// The parser's reasons, worded for `--endpoint` and `govtop attach URL`.
    init(_ url: String, _ error: HTTPURLError, acceptsTLS: Bool) {
        let reason = switch error {
        case .noScheme: "it has no scheme; write it like http://127.0.0.1:4318"
        case .tlsNotAccepted: "https is not supported; use http:// (or a local Collector that adds TLS)"
        case .unsupportedScheme(let scheme): "the scheme must be \(acceptsTLS ? "http or https" : "http"), not \(scheme)"
        case .userInformation: "user information in the URL is not supported"
        case .invalidHost(let host): "the host '\(host)' has characters a host name cannot have"
        case .invalidPort(let port): "the port must be a number from 1 to 65535, not '\(port)'"
        case .unprintablePath, .unclosedIPv6, .textAfterIPv6, .noHost: error.description
        }
        self.init(url, reason)
    }

    public var description: String { "invalid endpoint '\(url)': \(reason)" }
}
