/// Why an API call to an attached govtop gave no usable answer, worded for the person attaching.
public enum APIFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not reachable, no answer in time, or the connection broke.
    case unreachable(url: String, reason: String)
    /// The TLS handshake failed (a certificate that does not verify, or a server without TLS).
    case tls(url: String, reason: String)
    /// 401: no token, or a token the server does not take.
    case unauthorized(url: String, tokenSent: Bool)
    /// Another status outside 2xx.
    case status(url: String, path: String, code: Int, message: String)
    /// The answer was larger than the client reads.
    case tooLarge(url: String, path: String, limit: Int)
    /// The answer was not govtop's JSON.
    case unreadable(url: String, reason: String)

    public var description: String {
        switch self {
        case .unreachable(let url, let reason):
            "govtop at \(url) is unreachable: \(reason)"
        case .tls(let url, let reason):
            "TLS with govtop at \(url) failed: \(reason)"
        case .unauthorized(let url, let tokenSent):
            tokenSent ? "govtop at \(url) refused the token: check the file given to --token-file"
                : "govtop at \(url) requires a token: pass --token-file"
        case .status(let url, let path, let code, let message):
            "govtop at \(url) answered \(path) with HTTP \(code)" + (message.isEmpty ? "" : ": \(message)")
        case .tooLarge(let url, let path, let limit):
            "govtop at \(url) answered \(path) with more than \(limit / (1 << 20)) MiB; not read"
        case .unreadable(let url, let reason):
            "govtop at \(url): \(reason)"
        }
    }

    /// Whether the instance turned this client away for something only the person attaching can
    /// mend (the token file, the CA file, the URL's scheme): asking again gets the same answer.
    public var isRefusal: Bool {
        switch self {
        case .tls, .unauthorized: true
        case .unreachable, .status, .tooLarge, .unreadable: false
        }
    }

    /// Whether the instance should be shown as down (as opposed to answering with an error).
    public var isUnreachable: Bool {
        switch self {
        case .unreachable, .tls, .unauthorized: true
        case .status, .tooLarge, .unreadable: false
        }
    }
}
