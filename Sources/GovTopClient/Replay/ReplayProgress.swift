/// What a replay has done so far.
public struct ReplayProgress: Hashable, Sendable {
    /// Lines read (blank ones included).
    public var lines = 0
    /// Exports answered 2xx, per signal.
    public var sent: [RecordedSignal: Int] = [:]
    /// Spans, data points and log records in the exports answered 2xx (less those refused).
    public var items = 0
    /// Items the receiver refused in otherwise accepted exports (OTLP partial success).
    public var itemsRejected = 0
    /// Lines that are not OTLP/JSON export requests.
    public var badLines = 0
    /// Exports the receiver refused (non-2xx after retries) or that could not be delivered.
    public var failed = 0
    public var retries = 0
    /// The most recent problem, with its file and line.
    public var lastError: String?
    public var elapsedSeconds = 0.0

    public init() {}

    public var exportsSent: Int { sent.values.reduce(0, +) }

    /// `1,204 exports sent (1,000 traces, 104 metrics, 100 logs; 53,211 items) from 1,210 lines, 3 failed, 6 bad lines, 12 s`.
    public func line() -> String {
        let grouped = DemoProgress.grouped
        let parts = RecordedSignal.allCases.map { "\(grouped(sent[$0, default: 0])) \($0.rawValue)" }.joined(separator: ", ")
        var text = "\(grouped(exportsSent)) exports sent (\(parts); \(grouped(items)) items) from \(grouped(lines)) lines"
        if failed > 0 { text += ", \(grouped(failed)) failed" }
        if badLines > 0 { text += ", \(grouped(badLines)) bad line" + (badLines == 1 ? "" : "s") }
        if itemsRejected > 0 { text += ", \(grouped(itemsRejected)) items rejected" }
        if retries > 0 { text += ", \(grouped(retries)) retries" }
        text += ", \(Int(elapsedSeconds)) s"
        return text
    }
}
