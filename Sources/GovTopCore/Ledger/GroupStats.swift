/// Cost, tokens and requests per minute over a window, worked out from a group's exact bucket sums
/// when the group is read (an empty window is exactly 0, never a rounding residue).
public struct RateSlot: Sendable, Hashable {
    public var costUSD = 0.0
    public var tokens = 0.0
    public var requests = 0.0

    public init(costUSD: Double = 0, tokens: Double = 0, requests: Double = 0) {
        self.costUSD = costUSD
        self.tokens = tokens
        self.requests = requests
    }
}

/// One group's exact totals and recent activity at three resolutions: 5-second buckets (the last
/// minute), 1-minute buckets (the last 5 minutes and the 15-minute trend) and 5-minute buckets (the
/// last hour). Bucket values only: which bucket each slot holds is kept once per table, in rings
/// shared by all its groups (`GroupTable`).
struct GroupStats: Sendable {
    var totals = Totals()
    var seconds = InlineArray<12, RateBucket>(repeating: RateBucket())
    var minutes = InlineArray<15, RateBucket>(repeating: RateBucket())
    var fiveMinutes = InlineArray<12, RateBucket>(repeating: RateBucket())
}

/// A window ending now over one of a table's rings: which slots it covers is worked out once and
/// read for every group.
struct RateWindow<let count: Int> {
    private let slots: [Int]
    private let minutes: Double

    init(_ ring: BucketRing<count>, lastSeconds seconds: Double, now: UInt64) {
        slots = ring.slots(last: ring.bucketCount(lastSeconds: seconds), now: now).compactMap { $0 }
        minutes = seconds / 60
    }

    /// Per-minute averages of one group's buckets over the window.
    func perMinute(_ buckets: InlineArray<count, RateBucket>) -> RateSlot {
        let sum = slots.reduce(RateBucket()) { $0 + buckets[$1] }
        return RateSlot(costUSD: sum.cost.usd(per: minutes), tokens: Double(sum.tokens) / minutes,
                        requests: Double(sum.requests) / minutes)
    }
}
