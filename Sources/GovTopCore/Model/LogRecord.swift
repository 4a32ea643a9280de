/// One OTLP `LogRecord`. GenAI instrumentations send prompts, completions and evaluation
/// results as log records (events) named by `eventName` and tied to a span by its ids.
public struct LogRecord: Sendable, Hashable {
    public var timeUnixNano: UInt64 = 0
    public var observedTimeUnixNano: UInt64 = 0
    /// OTLP `SeverityNumber` (1...24; 0 is unspecified).
    public var severityNumber: Int = 0
    public var severityText: String = ""
    public var eventName: String = ""
    public var body: AttributeValue = .empty
    public var attributes: [Attribute] = []
    public var droppedAttributesCount: UInt32 = 0
    public var flags: UInt32 = 0
    /// `nil` when the record carries no (valid) trace id.
    public var traceID: TraceID?
    /// `.none` when the record carries no (valid) span id.
    public var spanID: SpanID = .none

    public init() {}

    /// The record's own time, else when it was observed.
    public var effectiveTimeUnixNano: UInt64 { timeUnixNano != 0 ? timeUnixNano : observedTimeUnixNano }

    /// The severity as shown: the sender's text, else the OTLP name of its number.
    public var severity: String {
        if !severityText.isEmpty { return severityText }
        switch severityNumber {
        case 1...4: return "TRACE"
        case 5...8: return "DEBUG"
        case 9...12: return "INFO"
        case 13...16: return "WARN"
        case 17...20: return "ERROR"
        case 21...24: return "FATAL"
        default: return "UNSPECIFIED"
        }
    }
}
