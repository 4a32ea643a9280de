/// A 2xx answer to an OTLP/HTTP trace export.
public struct ExportReply: Hashable, Sendable {
    public var status: Int
    /// Spans the server refused while accepting the rest (OTLP partial success).
    public var rejectedSpans: Int
    /// The server's reason for the refused spans.
    public var message: String

    public init(status: Int, rejectedSpans: Int = 0, message: String = "") {
        self.status = status
        self.rejectedSpans = rejectedSpans
        self.message = message
    }
}
