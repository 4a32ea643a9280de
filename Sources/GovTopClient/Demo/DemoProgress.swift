/// What a demo run has done so far.
public struct DemoProgress: Hashable, Sendable {
    /// Spans the endpoint accepted (sent in 2xx-answered batches, minus those it reported refused).
    public var spansSent = 0
    /// Batches answered with 2xx.
    public var batchesSent = 0
    /// Spans the endpoint refused in otherwise accepted batches (OTLP partial success).
    public var spansRejected = 0
    /// Batches given up after their retries.
    public var batchesFailed = 0
    public var spansFailed = 0
    /// Attempts that failed, retried or not.
    public var errors = 0
    public var retries = 0
    /// The most recent failure or partial-success message.
    public var lastError: String?
    /// Seconds since the run started.
    public var elapsedSeconds = 0.0

    public init() {}

    /// One line for a terminal or a log: `1,234 spans in 61 batches, 0 errors, 61 s / 120 s`.
    public func line(duration: Double?) -> String {
        var text = "\(Self.grouped(spansSent)) spans in \(Self.grouped(batchesSent)) batches, "
        text += errors == 1 ? "1 error" : "\(Self.grouped(errors)) errors"
        if retries > 0 { text += " (\(retries) retried)" }
        if batchesFailed > 0 { text += ", \(Self.grouped(batchesFailed)) batches (\(Self.grouped(spansFailed)) spans) lost" }
        if spansRejected > 0 { text += ", \(Self.grouped(spansRejected)) spans rejected" }
        text += ", \(Int(elapsedSeconds)) s"
        if let duration { text += " / \(Self.durationText(duration))" }
        if let lastError { text += " — last error: \(lastError)" }
        return text
    }

    /// `1234567` as `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// `120` as `120 s`, `2.5` as `2.5 s`.
    public static func durationText(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
