/// Why a request was refused: an HTTP status and a message that tells the sender what was wrong.
///
/// The same failure is rendered as a `google.rpc.Status` on the OTLP paths and as
/// `{"error": ...}` on the API paths.
struct RequestFailure: Error, Sendable, Equatable {
    var status: Int
    var message: String
    /// Methods the path accepts; sent as `Allow` with a 405.
    var allowedMethods: [String] = []
    /// The body was not (or not fully) read, so the connection cannot be reused.
    var closesConnection = false
    /// Seconds after which the request may be sent again; sent as `Retry-After` (a `503`).
    var retryAfterSeconds: Int?
    /// The challenge sent as `WWW-Authenticate` (a `401`).
    var wwwAuthenticate: String?

    static func badRequest(_ message: String) -> RequestFailure { RequestFailure(status: 400, message: message) }
    static func notFound(_ message: String) -> RequestFailure { RequestFailure(status: 404, message: message) }

    static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> RequestFailure {
        RequestFailure(status: 405,
                       message: "method \(method) is not allowed on \(path); use \(allowed.joined(separator: ", "))",
                       allowedMethods: allowed)
    }

    static func tooLarge(limit: Int, what: String) -> RequestFailure {
        RequestFailure(status: 413, message: "\(what) exceeds the limit of \(limit) bytes", closesConnection: true)
    }

    /// Too many request bytes are in flight at once to take this one: the sender should retry
    /// (OTLP exporters retry a `503`). The body was not read, so the connection closes.
    static func requestMemoryExhausted(limit: Int) -> RequestFailure {
        RequestFailure(status: 503,
                       message: "the server is receiving too many request bytes at once (limit \(limit) bytes); retry shortly",
                       closesConnection: true, retryAfterSeconds: 1)
    }

    static func unsupportedMediaType(_ message: String) -> RequestFailure { RequestFailure(status: 415, message: message) }

    /// `503` + `Retry-After`: the request is fine but cannot be taken now; OTLP exporters retry it.
    static func unavailable(_ message: String, retryAfterSeconds: Int) -> RequestFailure {
        RequestFailure(status: 503, message: message, retryAfterSeconds: retryAfterSeconds)
    }

    /// The gRPC code that `google.rpc.Status.code` carries for this HTTP status.
    var grpcCode: Int32 {
        switch status {
        case 400: 3      // INVALID_ARGUMENT
        case 401: 16     // UNAUTHENTICATED
        case 404: 5      // NOT_FOUND
        case 405, 415: 12 // UNIMPLEMENTED
        case 413: 8      // RESOURCE_EXHAUSTED
        case 503: 14     // UNAVAILABLE
        default: 13      // INTERNAL
        }
    }

    /// Extra response headers this failure needs.
    var headers: [(String, String)] {
        var headers: [(String, String)] = []
        if !allowedMethods.isEmpty { headers.append(("Allow", allowedMethods.joined(separator: ", "))) }
        if let retryAfterSeconds { headers.append(("Retry-After", String(retryAfterSeconds))) }
        if let wwwAuthenticate { headers.append(("WWW-Authenticate", wwwAuthenticate)) }
        return headers
    }
}
