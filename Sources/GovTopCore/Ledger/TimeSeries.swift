/// Exact integer sums of a quantity (nano-dollars, tokens, requests) in fixed time buckets over a bounded recent history (a ring of `count`
/// buckets, stored inline). Adding is O(1); reading a window is O(buckets in the window).
/// Time is Unix nanoseconds.
public struct TimeSeries<let count: Int>: Sendable {
    private var ring: BucketRing<count>
    private var values = InlineArray<count, Int128>(repeating: 0)

    public init(resolutionSeconds: Double) {
        ring = BucketRing(resolutionSeconds: resolutionSeconds)
    }

    /// Adds `value` to the bucket holding `time`. Values older than the history are dropped.
    public mutating func add(_ value: Int128, at time: UInt64) {
        guard let (slot, reused) = ring.place(time) else { return }
        if reused { values[slot] = 0 }
        values[slot] += value
    }

    /// Sum over the last `seconds` up to and including the bucket that holds `now`.
    public func sum(lastSeconds seconds: Double, now: UInt64) -> Int128 {
        buckets(ring.bucketCount(lastSeconds: seconds), now: now).reduce(0, +)
    }

    /// The last `wanted` buckets, oldest first, ending with the one that holds `now`; empty buckets are 0.
    public func buckets(_ wanted: Int, now: UInt64) -> [Int128] {
        ring.slots(last: wanted, now: now).map { $0.map { values[$0] } ?? 0 }
    }
}
