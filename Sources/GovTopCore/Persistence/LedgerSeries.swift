/// What a row of the ledger counts: all spend (`dimension == nil`) or one group of a dimension.
public struct LedgerSeries: Sendable, Hashable {
    /// Nil for the totals of all spend.
    public var dimension: Dimension?
    /// The group's key (`(unattributed)` and `(other)` included); empty for all spend.
    public var key: String

    public init(dimension: Dimension?, key: String) {
        self.dimension = dimension
        self.key = key
    }

    /// All spend.
    public static let all = LedgerSeries(dimension: nil, key: "")
}

/// One hour of one series: the hour's start in Unix seconds.
public struct LedgerBucketKey: Sendable, Hashable {
    public var series: LedgerSeries
    public var hourStart: Int64

    public init(series: LedgerSeries, hourStart: Int64) {
        self.series = series
        self.hourStart = hourStart
    }

    /// The start of the hour containing `instant` (Unix nanoseconds), in Unix seconds.
    public static func hourStart(of instant: UInt64) -> Int64 {
        Int64(instant / 3_600_000_000_000) * 3600
    }
}

/// What an hour of a series gained (or, for spend moved between groups, lost).
public struct LedgerBucketDelta: Sendable, Hashable {
    public var key: LedgerBucketKey
    public var amounts: Totals

    public init(key: LedgerBucketKey, amounts: Totals) {
        self.key = key
        self.amounts = amounts
    }
}
