/// Why one export attempt did not deliver its batch, worded for the person running the demo.
public enum ExportFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// No connection could be made (refused, unreachable, name not found, connect timeout).
    case connect(endpoint: String, reason: String)
    /// The connection broke before the whole response arrived.
    case connectionLost(reason: String)
    /// No complete response within the timeout.
    case timedOut(seconds: Double)
    /// The TLS handshake failed: most often a certificate that could not be verified.
    case tls(reason: String)
    /// The server answered with a status outside 2xx.
    case status(code: Int, message: String, retryAfterSeconds: Double?)

    /// Whether sending the same batch again may work: connection trouble, timeouts, and the
    /// statuses OTLP/HTTP names as retryable (429, 502, 503, 504).
    public var isRetryable: Bool {
        switch self {
        case .connect, .connectionLost, .timedOut: true
        case .tls: false
        case .status(let code, _, _): [429, 502, 503, 504].contains(code)
        }
    }

    /// The delay the server asked for with `Retry-After`, if any.
    public var retryAfterSeconds: Double? {
        if case .status(_, _, let seconds) = self { return seconds }
        return nil
    }

    public var description: String {
        switch self {
        case .connect(let endpoint, let reason):
            "cannot connect to \(endpoint): \(reason)"
        case .connectionLost(let reason):
            "connection lost: \(reason)"
        case .timedOut(let seconds):
            "no response within \(ExportFailure.seconds(seconds))"
        case .tls(let reason):
            "TLS failed: \(reason)"
        case .status(let code, let message, _):
            message.isEmpty ? "HTTP \(code)" : "HTTP \(code): \(message)"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
