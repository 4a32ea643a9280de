/// Cost, tokens and requests added in one time bucket (or, read back, per minute over a window).
public struct RateSlot: Sendable, Hashable {
    public var costUSD = 0.0
    public var tokens = 0.0
    public var requests = 0.0

    public init(costUSD: Double = 0, tokens: Double = 0, requests: Double = 0) {
        self.costUSD = costUSD
        self.tokens = tokens
        self.requests = requests
    }

    var isZero: Bool { costUSD == 0 && tokens == 0 && requests == 0 }

    mutating func add(_ other: RateSlot) {
        costUSD += other.costUSD
        tokens += other.tokens
        requests += other.requests
    }
}

/// The recent activity of every group of a table at one resolution: `count` buckets per group,
/// all sharing one ring (which bucket each slot holds is kept once, not per group).
struct GroupRates<let count: Int>: Sendable {
    private var ring: BucketRing<count>
    private var groups: [InlineArray<count, RateSlot>] = []

    init(resolutionSeconds: Double) {
        ring = BucketRing(resolutionSeconds: resolutionSeconds)
    }

    /// Adds a group with empty buckets; its position is the number of groups before it.
    mutating func appendGroup() {
        groups.append(InlineArray(repeating: RateSlot()))
    }

    /// Adds to a group's bucket holding `time` (dropped when older than the history). When the
    /// ring reuses a slot, the slot is zeroed in every group first: once per bucket, O(groups).
    mutating func add(_ delta: RateSlot, group: Int, at time: UInt64) {
        guard let (slot, reused) = ring.place(time) else { return }
        if reused {
            for index in groups.indices { groups[index][slot] = RateSlot() }
        }
        groups[group][slot].add(delta)
    }

    /// A group's cost, tokens and requests per minute, averaged over the last `seconds`.
    func perMinute(group: Int, lastSeconds seconds: Double, now: UInt64) -> RateSlot {
        var sum = RateSlot()
        for slot in ring.slots(last: ring.bucketCount(lastSeconds: seconds), now: now) {
            if let slot { sum.add(groups[group][slot]) }
        }
        let minutes = seconds / 60
        return RateSlot(costUSD: sum.costUSD / minutes, tokens: sum.tokens / minutes, requests: sum.requests / minutes)
    }

    /// A group's cost per bucket over the last `wanted` buckets, oldest first.
    func costs(group: Int, last wanted: Int, now: UInt64) -> [Double] {
        ring.slots(last: wanted, now: now).map { $0.map { groups[group][$0].costUSD } ?? 0 }
    }

    var bytes: Int { groups.count * MemoryLayout<InlineArray<count, RateSlot>>.stride }
}
