/// Which absolute time bucket each of `count` ring slots holds, for series that keep sums per
/// bucket over a bounded recent history. Series that advance together (the groups of a table)
/// share one ring and store only their values: the ring says where a time goes and when a slot
/// is reused for a newer bucket, which is when every sharing series must zero that slot.
/// Time is Unix nanoseconds.
public struct BucketRing<let count: Int>: Sendable {
    public let resolutionNanos: UInt64
    /// The newest bucket placed and its slot: nearly every placement lands in it (a batch's spans
    /// share their arrival instant), and then it costs a subtraction instead of two divisions.
    private var newestStart = UInt64.max
    private var newestSlot = 0
    /// The absolute bucket number (time / resolution) each slot holds; `UInt64.max` when unused.
    private var ids = InlineArray<count, UInt64>(repeating: UInt64.max)

    public init(resolutionSeconds: Double) {
        precondition(count > 0, "a bucket ring needs at least one slot")
        resolutionNanos = UInt64(resolutionSeconds * 1e9)
    }

    /// The slot that holds `time`'s bucket, and whether the slot was just taken over from an older
    /// bucket (its values must be zeroed). Nil when `time` is older than the history.
    public mutating func place(_ time: UInt64) -> (slot: Int, reused: Bool)? {
        if time >= newestStart && time - newestStart < resolutionNanos { return (newestSlot, false) }
        let bucket = time / resolutionNanos
        let slot = Int(bucket % UInt64(count))
        let reused: Bool
        if ids[slot] == bucket {
            reused = false
        } else if ids[slot] == UInt64.max || ids[slot] < bucket {
            ids[slot] = bucket
            reused = true
        } else {
            return nil
        }
        if newestStart == UInt64.max || bucket * resolutionNanos > newestStart {
            newestStart = bucket * resolutionNanos
            newestSlot = slot
        }
        return (slot, reused)
    }

    /// The slots of the last `wanted` buckets, oldest first, ending with the bucket that holds
    /// `now`; nil for a bucket the ring no longer (or never) held.
    public func slots(last wanted: Int, now: UInt64) -> [Int?] {
        let current = now / resolutionNanos
        let wanted = min(wanted, count)
        return (0..<wanted).map { back in
            let bucket = current &- UInt64(wanted - 1 - back)
            guard bucket <= current else { return nil }
            let slot = Int(bucket % UInt64(count))
            return ids[slot] == bucket ? slot : nil
        }
    }

    /// How many buckets cover the last `seconds` (including the one that holds `now`).
    public func bucketCount(lastSeconds seconds: Double) -> Int {
        max(1, Int((seconds * 1e9 / Double(resolutionNanos)).rounded(.up)))
    }
}
