/// Sums of a quantity in fixed time buckets over a bounded recent history (a ring of buckets).
/// Adding is O(1); reading a window is O(buckets in the window). Time is Unix nanoseconds.
public struct TimeSeries: Sendable, Hashable {
    private struct Bucket: Sendable, Hashable {
        /// The absolute bucket number (time / resolution) this slot holds; `UInt64.max` when unused.
        var id = UInt64.max
        var value = 0.0
    }

    public let resolutionNanos: UInt64
    private var slots: [Bucket]

    public init(resolutionSeconds: Double, buckets: Int) {
        resolutionNanos = UInt64(resolutionSeconds * 1e9)
        slots = Array(repeating: Bucket(), count: buckets)
    }

    public var bucketCount: Int { slots.count }

    /// Adds `value` to the bucket holding `time`. Values older than the history are dropped.
    public mutating func add(_ value: Double, at time: UInt64) {
        let bucket = time / resolutionNanos
        let slot = Int(bucket % UInt64(slots.count))
        if slots[slot].id == bucket {
            slots[slot].value += value
        } else if slots[slot].id == UInt64.max || slots[slot].id < bucket {
            slots[slot] = Bucket(id: bucket, value: value)
        }
    }

    /// Sum over the last `seconds` up to and including the bucket that holds `now`.
    public func sum(lastSeconds seconds: Double, now: UInt64) -> Double {
        let count = min(slots.count, max(1, Int((seconds * 1e9 / Double(resolutionNanos)).rounded(.up))))
        return buckets(count, now: now).reduce(0, +)
    }

    /// The last `count` buckets, oldest first, ending with the one that holds `now`; empty buckets are 0.
    public func buckets(_ count: Int, now: UInt64) -> [Double] {
        let current = now / resolutionNanos
        let count = min(count, slots.count)
        return (0..<count).map { back in
            let bucket = current &- UInt64(count - 1 - back)
            guard bucket <= current else { return 0 }
            let slot = slots[Int(bucket % UInt64(slots.count))]
            return slot.id == bucket ? slot.value : 0
        }
    }

    /// Approximate bytes held.
    public var bytes: Int { slots.count * 16 + 64 }
}
