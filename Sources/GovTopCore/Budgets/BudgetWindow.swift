/// One budget period as a half-open interval [start, end) of Unix nanoseconds.
public struct BudgetWindow: Sendable, Hashable {
    public var start: UInt64
    public var end: UInt64

    public init(start: UInt64, end: UInt64) {
        self.start = start
        self.end = end
    }

    /// Spend at exactly `end` belongs to the next period.
    public func contains(_ instant: UInt64) -> Bool { instant >= start && instant < end }

    public var durationNanos: UInt64 { end &- start }

    static let nanosPerSecond: UInt64 = 1_000_000_000
    static let nanosPerMinute: UInt64 = 60 * nanosPerSecond
    static let nanosPerHour: UInt64 = 60 * nanosPerMinute
}
