/// When to send a batch again after a failed attempt: only failures that may pass
/// (`ExportFailure.isRetryable`), after growing delays, at most `delays.count` times. A server's
/// `Retry-After` is honoured up to `maxRetryAfter`.
public struct RetryPolicy: Hashable, Sendable {
    /// The wait before each retry; its length is the number of retries.
    public var delays: [Duration]
    public var maxRetryAfter: Duration

    public init(delays: [Duration] = [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2)],
                maxRetryAfter: Duration = .seconds(5)) {
        self.delays = delays
        self.maxRetryAfter = maxRetryAfter
    }

    /// No retries: every failure drops the batch.
    public static let none = RetryPolicy(delays: [])

    /// How long to wait before retry number `retry` (0 for the first) after `failure`, or nil when
    /// the batch should be given up.
    public func delay(beforeRetry retry: Int, after failure: ExportFailure) -> Duration? {
        guard failure.isRetryable, retry >= 0, retry < delays.count else { return nil }
        if let seconds = failure.retryAfterSeconds {
            return min(.milliseconds(Int64(min(seconds, 3_600) * 1000)), maxRetryAfter)
        }
        return delays[retry]
    }
}
