import Foundation

/// An `http://` or `https://` URL split into what an HTTP/1.1 request needs: whether it is TLS,
/// the host, the port and the path with its query. The one parser behind every URL govtop is
/// given (`--endpoint`, `govtop attach URL`, a notification sink's `url`); each of those words
/// the `HTTPURLError` for its own flag or setting and decides what an empty path means.
///
/// `SCHEME://HOST[:PORT][/PATH][?QUERY][#FRAGMENT]`, surrounding spaces ignored: the scheme in any
/// case, the port 80 or 443 when not given, an IPv6 host in brackets (kept without them), the
/// fragment dropped. User information (`user:pass@`) is refused, and so is a path that is not
/// printable ASCII (it goes on the request line as it is).
public struct HTTPURL: Hashable, Sendable {
    public let isTLS: Bool
    /// Without brackets.
    public let host: String
    public let port: Int
    /// Path and query as written, without the fragment: "" when the URL has neither, otherwise
    /// starting with "/" (a bare query `?q` is given as `/?q`).
    public let path: String

    /// - Parameter acceptsTLS: whether `https://` is accepted (`.tlsNotAccepted` otherwise).
    public init(parsing text: String, acceptsTLS: Bool = true) throws(HTTPURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else { throw .noScheme }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        if scheme == "https" && !acceptsTLS { throw .tlsNotAccepted }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
        let rest = trimmed[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var path = String(rest[authorityEnd...])
        if let fragment = path.firstIndex(of: "#") { path = String(path[..<fragment]) }
        if path.hasPrefix("?") { path = "/" + path }
        guard !authority.contains("@") else { throw .userInformation }
        guard path.utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F }) else { throw .unprintablePath }
        isTLS = scheme == "https"
        (host, port) = try Self.hostAndPort(authority, defaultPort: isTLS ? 443 : 80)
        self.path = path
    }

    private static func hostAndPort(_ authority: Substring, defaultPort: Int) throws(HTTPURLError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .unclosedIPv6 }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .textAfterIPv6 }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw .noHost }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._:%".contains($0)) }) else {
            throw .invalidHost(String(host))
        }
        guard let portText else { return (String(host), defaultPort) }
        guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII), let port = Int(portText),
              (1...65535).contains(port) else {
            throw .invalidPort(String(portText))
        }
        return (String(host), port)
    }

    /// The value of the `Host` header: the host (an IPv6 address in brackets), and the port unless
    /// it is the scheme's default.
    public var hostHeader: String { Self.hostHeader(host: host, port: port, isTLS: isTLS) }

    public static func hostHeader(host: String, port: Int, isTLS: Bool) -> String {
        port == (isTLS ? 443 : 80) ? bracketed(host) : "\(bracketed(host)):\(port)"
    }

    /// `host` as it is written in a URL: an IPv6 address in brackets.
    public static func bracketed(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}

/// Why a text is not a usable `http(s)://` URL. The `description` is a general wording; callers
/// that speak about a flag or a setting word it their own way.
public enum HTTPURLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `://`.
    case noScheme
    /// A scheme other than http and https (lowercased, as written otherwise).
    case unsupportedScheme(String)
    /// `https://` where only `http://` is accepted.
    case tlsNotAccepted
    /// `user[:password]@` before the host.
    case userInformation
    /// A path or query with spaces, control characters or non-ASCII text.
    case unprintablePath
    /// `[` with no `]`.
    case unclosedIPv6
    /// Something other than `:PORT` after `[…]`.
    case textAfterIPv6
    case noHost
    /// The host as written.
    case invalidHost(String)
    /// The port text as written.
    case invalidPort(String)

    public var description: String {
        switch self {
        case .noScheme: "it has no scheme"
        case .unsupportedScheme: "the scheme must be http or https"
        case .tlsNotAccepted: "https is not supported here"
        case .userInformation: "user information (user:password@) is not supported"
        case .unprintablePath: "the path must be printable ASCII without spaces (percent-encode anything else)"
        case .unclosedIPv6: "the IPv6 address has no closing ]"
        case .textAfterIPv6: "expected :PORT after the IPv6 address"
        case .noHost: "it has no host"
        case .invalidHost: "the host has characters a host name cannot have"
        case .invalidPort: "the port must be a number from 1 to 65535"
        }
    }
}
