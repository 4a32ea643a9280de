/// The groups of one dimension, capped in number: values beyond the cap fold into `(other)`.
/// A group's totals and recent activity live in arrays at the group's position (found through a
/// dictionary), so an update mutates in place. Recent activity is kept at three resolutions, each
/// sharing one ring across the table's groups: 5-second buckets for the last minute, 1-minute
/// buckets for the last 5 minutes (and the 15-minute trend), 5-minute buckets for the last hour.
struct GroupTable: Sendable {
    let dimension: Dimension
    let capacity: Int
    private var index: [String: Int] = [:]
    private var keys: [String] = []
    private var totals: [Totals] = []
    private var seconds = GroupRates<12>(resolutionSeconds: 5)
    private var minutes = GroupRates<15>(resolutionSeconds: 60)
    private var fiveMinutes = GroupRates<12>(resolutionSeconds: 300)
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
        keys.indices.map { group in
            GroupRow(key: keys[group], totals: totals[group],
                     lastMinute: seconds.perMinute(group: group, lastSeconds: 60, now: now),
                     last5Minutes: minutes.perMinute(group: group, lastSeconds: 300, now: now),
                     lastHour: fiveMinutes.perMinute(group: group, lastSeconds: 3600, now: now),
                     trend: minutes.costs(group: group, last: 15, now: now))
        }
    }

    /// The key of the group at a position `add` returned.
    func key(at position: Int) -> String { keys[position] }

    /// Counts a contribution under `value`'s group: the value itself, `(unattributed)` for none, or
    /// `(other)` when the table is full. Returns the group's position (stable: groups are never removed).
    @discardableResult
    mutating func add(_ contribution: Contribution, value: String?, at time: UInt64, sign: Int = 1) -> Int {
        let position = position(of: value, counting: sign > 0)
        totals[position].add(contribution, sign: sign)
        let delta = RateSlot(costUSD: Double(sign) * contribution.cost.usd,
                             tokens: Double(Int64(sign) * (contribution.inputTokens + contribution.outputTokens)),
                             requests: Double(sign * contribution.requests))
        if !delta.isZero {
            seconds.add(delta, group: position, at: time)
            minutes.add(delta, group: position, at: time)
            fiveMinutes.add(delta, group: position, at: time)
        }
        return position
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
        totals.append(Totals())
        seconds.appendGroup()
        minutes.appendGroup()
        fiveMinutes.appendGroup()
        return keys.count - 1
    }

    var bytes: Int {
        keys.count * (MemoryLayout<Totals>.stride + 96) + seconds.bytes + minutes.bytes + fiveMinutes.bytes
    }
}
