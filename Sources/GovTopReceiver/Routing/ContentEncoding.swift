/// The compression of a request body, from its `Content-Encoding`.
enum ContentEncoding: Sendable, Equatable {
    case identity
    case gzip
    /// The zlib format (RFC 1950) that HTTP calls `deflate`; raw deflate (RFC 1951), which some
    /// senders emit under the same name, is accepted too.
    case deflate

    /// Parses a `Content-Encoding` value (absent means identity); nil when unsupported.
    init?(header: String?) {
        guard let header else {
            self = .identity
            return
        }
        switch header.trimmingSpaces.lowercased() {
        case "", "identity": self = .identity
        case "gzip", "x-gzip": self = .gzip
        case "deflate": self = .deflate
        default: return nil
        }
    }
}
