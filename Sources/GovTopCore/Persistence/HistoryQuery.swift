/// A question for the ledger's history: one dimension's groups, in hourly or daily buckets, over
/// [from, to) in Unix seconds. Days are UTC days. Bounded: at most `maxSeries` groups (the most
/// expensive over the range) and at most `maxPoints` buckets per series.
public struct HistoryQuery: Sendable, Hashable {
    public enum Bucket: String, Sendable, Hashable, CaseIterable {
        case hour, day

        public var seconds: Int64 { self == .hour ? 3600 : 86_400 }
    }

    public var dimension: Dimension
    public var bucket: Bucket
    public var from: Int64
    public var to: Int64
    public var maxSeries: Int

    /// The most buckets one answer may span: 400 days of days, or 31 days of hours.
    public static let maxPoints = 744
    public static let defaultMaxSeries = 50

    public init(dimension: Dimension, bucket: Bucket, from: Int64, to: Int64, maxSeries: Int = HistoryQuery.defaultMaxSeries) {
        self.dimension = dimension
        self.bucket = bucket
        self.from = HistoryQuery.floor(from, to: bucket)
        self.to = to
        self.maxSeries = max(1, maxSeries)
    }

    /// The start of the bucket containing `seconds`.
    public static func floor(_ seconds: Int64, to bucket: Bucket) -> Int64 {
        let size = bucket.seconds
        let remainder = seconds % size
        return remainder >= 0 ? seconds - remainder : seconds - remainder - size
    }

    /// How many buckets the range spans.
    public var pointCount: Int64 {
        to <= from ? 0 : (to - from + bucket.seconds - 1) / bucket.seconds
    }

    /// Bucket starts from `from` up to `to`.
    public var starts: [Int64] {
        (0..<pointCount).map { from + $0 * bucket.seconds }
    }
}

/// The ledger's answer: one series per group, each with a point for every bucket of the range
/// (zero where nothing was spent), most expensive group first.
public struct HistoryAnswer: Sendable, Hashable {
    public var query: HistoryQuery
    public var series: [HistorySeries]
    /// Groups left out because of `maxSeries`.
    public var omittedSeries: Int

    public init(query: HistoryQuery, series: [HistorySeries], omittedSeries: Int = 0) {
        self.query = query
        self.series = series
        self.omittedSeries = omittedSeries
    }

    /// Builds the answer from hourly rows of the range (in any order): sums them into the query's
    /// buckets, fills empty buckets with zeros, keeps the most expensive `maxSeries` groups.
    public init(query: HistoryQuery, hourlyRows: [(key: String, hourStart: Int64, amounts: Totals)]) {
        let starts = query.starts
        var byKey: [String: [Totals]] = [:]
        for row in hourlyRows where row.hourStart >= query.from && row.hourStart < query.to {
            let slot = Int((HistoryQuery.floor(row.hourStart, to: query.bucket) - query.from) / query.bucket.seconds)
            guard slot >= 0, slot < starts.count else { continue }
            byKey[row.key, default: [Totals](repeating: Totals(), count: starts.count)][slot].add(row.amounts)
        }
        let ranked = byKey.map { key, points in
            (key: key, cost: points.reduce(Money.zero) { $0 + $1.cost }, points: points)
        }.sorted { ($0.cost, $1.key) > ($1.cost, $0.key) }
        self.query = query
        self.series = ranked.prefix(query.maxSeries).map { entry in
            HistorySeries(key: entry.key, points: zip(starts, entry.points).map { HistoryPoint(start: $0, totals: $1) })
        }
        self.omittedSeries = max(0, ranked.count - query.maxSeries)
    }
}

/// One group's spend over time.
public struct HistorySeries: Sendable, Hashable {
    public var key: String
    public var points: [HistoryPoint]

    public init(key: String, points: [HistoryPoint]) {
        self.key = key
        self.points = points
    }
}

/// One bucket of a series: its start (Unix seconds) and what was spent in it.
public struct HistoryPoint: Sendable, Hashable {
    public var start: Int64
    public var totals: Totals

    public init(start: Int64, totals: Totals) {
        self.start = start
        self.totals = totals
    }
}
