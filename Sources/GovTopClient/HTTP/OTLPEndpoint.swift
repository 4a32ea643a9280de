import Foundation

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
        let parts = try Self.split(text, acceptHTTPS: false)
        var path = parts.path
        if path.isEmpty || path == "/" { path = Self.tracesPath }
        if path.hasPrefix("/?") { path = Self.tracesPath + path.dropFirst() }
        self.init(host: parts.host, port: parts.port, path: path)
    }

    /// An `http://` (or, with `acceptHTTPS`, `https://`) URL split into its scheme, host, port
    /// (80 or 443 by default) and path with query ("" when none); shared with `GovTopURL`.
    static func split(_ text: String, acceptHTTPS: Bool) throws(EndpointError)
        -> (https: Bool, host: String, port: Int, path: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw EndpointError(text, "it has no scheme; write it like http://127.0.0.1:4318")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        if scheme == "https" && !acceptHTTPS {
            throw EndpointError(text, "https is not supported; use http:// (or a local Collector that adds TLS)")
        }
        guard scheme == "http" || scheme == "https" else {
            throw EndpointError(text, "the scheme must be \(acceptHTTPS ? "http or https" : "http"), not \(scheme)")
        }
        let rest = trimmed[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var path = String(rest[authorityEnd...])
        if let fragment = path.firstIndex(of: "#") { path = String(path[..<fragment]) }
        if path.hasPrefix("?") { path = "/" + path }
        guard !authority.contains("@") else { throw EndpointError(text, "user information in the URL is not supported") }
        guard path.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\u{7F}" && ($0.asciiValue ?? 0) >= 0x21 }) else {
            throw EndpointError(text, "the path must be printable ASCII without spaces (percent-encode anything else)")
        }
        let https = scheme == "https"
        let (host, port) = try Self.hostAndPort(authority, text: text, defaultPort: https ? 443 : 80)
        return (https, host, port, path)
    }

    private static func hostAndPort(_ authority: Substring, text: String, defaultPort: Int) throws(EndpointError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw EndpointError(text, "the IPv6 address has no closing ]") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw EndpointError(text, "expected :PORT after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw EndpointError(text, "it has no host") }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._:%".contains($0)) }) else {
            throw EndpointError(text, "the host '\(host)' has characters a host name cannot have")
        }
        guard let portText else { return (String(host), defaultPort) }
        guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII), let port = Int(portText),
              (1...65535).contains(port) else {
            throw EndpointError(text, "the port must be a number from 1 to 65535, not '\(portText)'")
        }
        return (String(host), port)
    }

    /// The value of the `Host` header.
    public var hostHeader: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? bracketed : "\(bracketed):\(port)"
    }

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

    public var description: String { "invalid endpoint '\(url)': \(reason)" }
}
