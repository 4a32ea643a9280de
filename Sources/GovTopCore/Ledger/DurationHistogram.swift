/// A cumulative histogram of request durations in seconds, with Prometheus-style bucket bounds.
public struct DurationHistogram: Sendable, Hashable {
    /// Upper bounds in seconds; the implicit last bucket is +Inf.
    public static let bounds: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120]

    /// Observations per bucket (not cumulative); the last entry is the +Inf bucket.
    public private(set) var counts = [Int](repeating: 0, count: DurationHistogram.bounds.count + 1)
    public private(set) var sum = CompensatedSum()
    public private(set) var count = 0

    public init() {}

    public mutating func observe(seconds: Double) {
        let index = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
        counts[index] += 1
        sum.add(seconds)
        count += 1
    }

    /// Cumulative counts per bound, ending with +Inf (= count), as Prometheus exposes them.
    public var cumulative: [Int] {
        var running = 0
        return counts.map { running += $0; return running }
    }
}
