/// A 2xx answer to an OTLP/HTTP export.
public struct ExportReply: Hashable, Sendable {
    public var status: Int
    /// Items (spans, data points or log records) the server refused while accepting the rest
    /// (OTLP partial success).
    public var rejected: Int
    /// The server's reason for the refused items.
    public var message: String

    public init(status: Int, rejected: Int = 0, message: String = "") {
        self.status = status
        self.rejected = rejected
        self.message = message
    }
}

/// The body types an export is sent as.
public enum ExportContent: String, Hashable, Sendable {
    case protobuf = "application/x-protobuf"
    case json = "application/json"
}
