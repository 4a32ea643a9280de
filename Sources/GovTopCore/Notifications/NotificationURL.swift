import Foundation

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
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw NotificationURLError(reason: "it has no scheme; write it like http://127.0.0.1:9000/hook")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw NotificationURLError(reason: "the scheme must be http or https, not \(ControlCharacters.replaced(in: scheme))")
        }
        isTLS = scheme == "https"
        let rest = trimmed[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var path = String(rest[authorityEnd...])
        if let fragment = path.firstIndex(of: "#") { path = String(path[..<fragment]) }
        if !path.hasPrefix("/") { path = "/" + path }
        guard !authority.contains("@") else { throw NotificationURLError(reason: "user information (user:password@) is not supported") }
        guard path.utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F }) else {
            throw NotificationURLError(reason: "the path must be printable ASCII without spaces (percent-encode anything else)")
        }
        (host, port) = try Self.hostAndPort(authority, defaultPort: isTLS ? 443 : 80)
        self.path = path
    }

    private static func hostAndPort(_ authority: Substring, defaultPort: Int) throws(NotificationURLError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw NotificationURLError(reason: "the IPv6 address has no closing ]") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw NotificationURLError(reason: "expected :PORT after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw NotificationURLError(reason: "it has no host") }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._:%".contains($0)) }) else {
            throw NotificationURLError(reason: "the host has characters a host name cannot have")
        }
        guard let portText else { return (String(host), defaultPort) }
        guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII), let port = Int(portText),
              (1...65535).contains(port) else {
            throw NotificationURLError(reason: "the port must be a number from 1 to 65535")
        }
        return (String(host), port)
    }

    /// The value of the `Host` header.
    public var hostHeader: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return port == (isTLS ? 443 : 80) ? bracketed : "\(bracketed):\(port)"
    }

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
