/// The groups of one dimension, capped in number: values beyond the cap fold into `(other)`.
/// Stats live in an array indexed through a dictionary, so an update mutates in place and never
/// copies a group's series. All groups share the table's two bucket rings (5-second and 1-minute
/// buckets), so a group holds only its values.
struct GroupTable: Sendable {
    let dimension: Dimension
    let capacity: Int
    private var index: [String: Int] = [:]
    private var keys: [String] = []
    private var stats: [GroupStats] = []
    private var recentRing = BucketRing<12>(resolutionSeconds: 5)
    private var minuteRing = BucketRing<60>(resolutionSeconds: 60)
    /// Contributions that went to `(other)` because the table was full.
    private(set) var foldedContributions = 0
    /// The keys looked up last and their positions (-1: unused): the spans of a batch share a few
    /// teams, models, services, ..., and comparing strings is cheaper than hashing them.
    private var recentKeys = InlineArray<4, String>(repeating: "")
    private var recentPositions = InlineArray<4, Int>(repeating: -1)
    private var nextRecent = 0

    init(dimension: Dimension, capacity: Int) {
        self.dimension = dimension
        self.capacity = max(1, capacity)
    }

    var count: Int { keys.count }

    /// Every group as the API shows it, in order of first appearance.
    func rows(now: UInt64) -> [GroupRow] {
        zip(keys, stats).map { key, stats in
            GroupRow(key: key, totals: stats.totals,
                     costUSDPerMinute: recentRing.sum(stats.recentCost, lastSeconds: 60, now: now),
                     requestsPerMinute: recentRing.sum(stats.recentRequests, lastSeconds: 60, now: now),
                     trend: minuteRing.buckets(stats.minuteCost, last: 15, now: now))
        }
    }

    /// The key of the group at a position `add` returned.
    func key(at position: Int) -> String { keys[position] }

    /// Counts a contribution under `value`'s group: the value itself, `(unattributed)` for none, or
    /// `(other)` when the table is full. Returns the group's position (stable: groups are never removed).
    @discardableResult
    mutating func add(_ contribution: Contribution, value: String?, at time: UInt64, sign: Int = 1) -> Int {
        let position = position(of: value, counting: sign > 0)
        stats[position].totals.add(contribution, sign: sign)
        let cost = Double(sign) * contribution.cost.usd
        let requests = Double(sign * contribution.requests)
        if cost != 0 || requests != 0, let (slot, reused) = recentRing.place(time) {
            if reused { clear { $0.recentCost[slot] = 0; $0.recentRequests[slot] = 0 } }
            stats[position].recentCost[slot] += cost
            stats[position].recentRequests[slot] += requests
        }
        if cost != 0, let (slot, reused) = minuteRing.place(time) {
            if reused { clear { $0.minuteCost[slot] = 0 } }
            stats[position].minuteCost[slot] += cost
        }
        return position
    }

    /// Zeroes a slot a ring has reused in every group: once per bucket (every 5 s or 1 min), O(groups).
    private mutating func clear(_ zero: (inout GroupStats) -> Void) {
        for position in stats.indices { zero(&stats[position]) }
    }

    private mutating func position(of value: String?, counting: Bool) -> Int {
        let key = value ?? Dimension.unattributed
        for slot in recentPositions.indices where recentPositions[slot] >= 0 && recentKeys[slot] == key {
            return recentPositions[slot]
        }
        let position: Int
        if let existing = index[key] {
            position = existing
        } else if keys.count < capacity {
            position = slot(for: key)
        } else {
            if value != nil && counting { foldedContributions += 1 }
            // A full table's fold is not cached: the next lookup of this value must fold (and count) again.
            return slot(for: Dimension.other)
        }
        recentKeys[nextRecent] = key
        recentPositions[nextRecent] = position
        nextRecent = (nextRecent + 1) % recentPositions.count
        return position
    }

    private mutating func slot(for key: String) -> Int {
        if let existing = index[key] { return existing }
        index[key] = keys.count
        keys.append(key)
        stats.append(GroupStats())
        return keys.count - 1
    }

    var bytes: Int { keys.count * (GroupStats.estimatedBytes + 96) }
}
