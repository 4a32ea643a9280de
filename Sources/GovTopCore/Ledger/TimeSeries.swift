/// Sums of a quantity in fixed time buckets over a bounded recent history (a ring of buckets).
/// Adding is O(1); reading a window is O(buckets in the window). Time is Unix nanoseconds.
public struct TimeSeries: Sendable, Hashable {
    public let resolutionNanos: UInt64
    private var values: [Double]
    /// The absolute bucket number (time / resolution) each slot currently holds.
    private var ids: [UInt64]

    public init(resolutionSeconds: Double, buckets: Int) {
        resolutionNanos = UInt64(resolutionSeconds * 1e9)
        values = Array(repeating: 0, count: buckets)
        ids = Array(repeating: UInt64.max, count: buckets)
    }

    public var bucketCount: Int { values.count }

    /// Adds `value` to the bucket holding `time`. Values older than the history are dropped.
    public mutating func add(_ value: Double, at time: UInt64) {
        let bucket = time / resolutionNanos
        let slot = Int(bucket % UInt64(values.count))
        if ids[slot] == bucket {
            values[slot] += value
        } else if ids[slot] == UInt64.max || ids[slot] < bucket {
            ids[slot] = bucket
            values[slot] = value
        }
    }

    /// Sum over the last `seconds` up to and including the bucket that holds `now`.
    public func sum(lastSeconds seconds: Double, now: UInt64) -> Double {
        let count = min(values.count, max(1, Int((seconds * 1e9 / Double(resolutionNanos)).rounded(.up))))
        return buckets(count, now: now).reduce(0, +)
    }

    /// The last `count` buckets, oldest first, ending with the one that holds `now`; empty buckets are 0.
    public func buckets(_ count: Int, now: UInt64) -> [Double] {
        let current = now / resolutionNanos
        let count = min(count, values.count)
        return (0..<count).map { back in
            let bucket = current &- UInt64(count - 1 - back)
            guard bucket <= current else { return 0 }
            let slot = Int(bucket % UInt64(values.count))
            return ids[slot] == bucket ? values[slot] : 0
        }
    }

    /// Approximate bytes held.
    public var bytes: Int { values.count * 16 + 64 }
}
