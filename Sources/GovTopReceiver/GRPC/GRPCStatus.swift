import GovTopCore

/// How a gRPC call ended: what the trailers `grpc-status`, `grpc-message` and
/// `grpc-status-details-bin` say.
struct GRPCStatus: Error, Sendable, Equatable {
    /// The gRPC status codes govtop sends.
    enum Code: Int32, Sendable {
        case ok = 0
        case invalidArgument = 3
        case notFound = 5
        case resourceExhausted = 8
        case unimplemented = 12
        case `internal` = 13
        case unavailable = 14
        case unauthenticated = 16
    }

    var code: Code
    var message: String
    /// Seconds a shed sender should wait before it retries: a `google.rpc.RetryInfo` in the
    /// details, which OTLP exporters honour (and which makes `RESOURCE_EXHAUSTED` retryable).
    var retryAfterSeconds: Int?

    init(_ code: Code, _ message: String, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The same refusal the OTLP/HTTP door answers with a status and a `google.rpc.Status` body:
    /// `400` is `INVALID_ARGUMENT`, `413` `RESOURCE_EXHAUSTED` (no retry: the request can never
    /// fit), `503` `UNAVAILABLE` with the `Retry-After` as `RetryInfo`.
    init(_ failure: RequestFailure) {
        self.init(Code(rawValue: failure.grpcCode) ?? .internal, failure.message, retryAfterSeconds: failure.retryAfterSeconds)
    }

    static let ok = GRPCStatus(.ok, "")

    /// `grpc-message`: the message percent-encoded as the gRPC protocol asks (every byte outside
    /// printable ASCII, and `%`), after control characters were replaced, so the header carries
    /// neither control characters nor bytes an HTTP/2 peer would refuse.
    var encodedMessage: String {
        var encoded: [UInt8] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in ControlCharacters.replaced(in: message).utf8 {
            if (0x20...0x7E).contains(byte) && byte != UInt8(ascii: "%") {
                encoded.append(byte)
            } else {
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// `grpc-status-details-bin`: a `google.rpc.Status` (code, message and, for a shed request, a
    /// `google.rpc.RetryInfo` in `details`), base64 without padding.
    var encodedDetails: String {
        var status = ProtobufWriter()
        status.int64(1, Int64(code.rawValue))
        status.string(2, ControlCharacters.replaced(in: message))
        if let retryAfterSeconds {
            // details (3): google.protobuf.Any { type_url (1), value (2): RetryInfo { retry_delay (1): Duration { seconds (1) } } }
            status.message(3) { any in
                any.string(1, "type.googleapis.com/google.rpc.RetryInfo")
                any.message(2) { retryInfo in
                    retryInfo.message(1) { duration in duration.int64(1, Int64(retryAfterSeconds)) }
                }
            }
        }
        var text = Base64.encode(status.bytes)
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}
