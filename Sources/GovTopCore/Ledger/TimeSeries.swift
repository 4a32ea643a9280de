/// Sums of a quantity in fixed time buckets over a bounded recent history (a ring of `count`
/// buckets). Adding is O(1); reading a window is O(buckets in the window). Time is Unix nanoseconds.
///
/// The buckets are stored inline, so a series inside a group's stats (inside an array of groups)
/// is updated in place with no allocation or uniqueness check of its own.
public struct TimeSeries<let count: Int>: Sendable {
    public let resolutionNanos: UInt64
    /// The absolute bucket number (time / resolution) each slot holds; `UInt64.max` when unused.
    private var ids = InlineArray<count, UInt64>(repeating: UInt64.max)
    private var values = InlineArray<count, Double>(repeating: 0)
    /// The newest bucket written and its slot: nearly every add lands in it (a batch's spans share
    /// their arrival instant), and then it costs a subtraction instead of two divisions.
    private var newestStart = UInt64.max
    private var newestSlot = 0

    public init(resolutionSeconds: Double) {
        precondition(count > 0, "a time series needs at least one bucket")
        resolutionNanos = UInt64(resolutionSeconds * 1e9)
    }

    public var bucketCount: Int { count }

    /// Adds `value` to the bucket holding `time`. Values older than the history are dropped.
    public mutating func add(_ value: Double, at time: UInt64) {
        if time >= newestStart && time - newestStart < resolutionNanos {
            values[newestSlot] += value
            return
        }
        let bucket = time / resolutionNanos
        let slot = Int(bucket % UInt64(count))
        if ids[slot] == bucket {
            values[slot] += value
        } else if ids[slot] == UInt64.max || ids[slot] < bucket {
            ids[slot] = bucket
            values[slot] = value
        } else {
            return
        }
        if newestStart == UInt64.max || bucket * resolutionNanos > newestStart {
            newestStart = bucket * resolutionNanos
            newestSlot = slot
        }
    }

    /// Sum over the last `seconds` up to and including the bucket that holds `now`.
    public func sum(lastSeconds seconds: Double, now: UInt64) -> Double {
        let wanted = min(count, max(1, Int((seconds * 1e9 / Double(resolutionNanos)).rounded(.up))))
        return buckets(wanted, now: now).reduce(0, +)
    }

    /// The last `wanted` buckets, oldest first, ending with the one that holds `now`; empty buckets are 0.
    public func buckets(_ wanted: Int, now: UInt64) -> [Double] {
        let current = now / resolutionNanos
        let wanted = min(wanted, count)
        return (0..<wanted).map { back in
            let bucket = current &- UInt64(wanted - 1 - back)
            guard bucket <= current else { return 0 }
            let slot = Int(bucket % UInt64(count))
            return ids[slot] == bucket ? values[slot] : 0
        }
    }

    /// Approximate bytes held.
    public var bytes: Int { MemoryLayout<Self>.stride }
}
