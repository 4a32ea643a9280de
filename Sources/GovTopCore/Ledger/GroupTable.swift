/// The groups of one dimension, capped in number: values beyond the cap fold into `(other)`.
/// A group's stats live in an array at the group's position (found through a dictionary), so an
/// update mutates in place. The table keeps one ring per resolution, shared by all its groups.
struct GroupTable: Sendable {
    let dimension: Dimension
    let capacity: Int
    private var index: [String: Int] = [:]
    private var keys: [String] = []
    private var stats: [GroupStats] = []
    private var seconds = BucketRing<12>(resolutionSeconds: 5)
    private var minutes = BucketRing<15>(resolutionSeconds: 60)
    private var fiveMinutes = BucketRing<12>(resolutionSeconds: 300)
    /// The rates of the current run of adds to one group at one instant (the spans of a batch
    /// share their environment, service, team, ...): summed here, put into the buckets once, when
    /// the run ends or the ledger finishes a batch (`flushRun`), before anything reads them.
    private var run = (position: -1, time: UInt64(0), delta: RateBucket())
    /// Contributions that went to `(other)` because the table was full.
    private(set) var foldedContributions = 0
    /// Positions of the keys looked up lately, by the key's identity: the spans of a batch share a
    /// few teams, models, services, ..., and two integer comparisons are cheaper than comparing or
    /// hashing their text.
    private var recent = KeyIdentityCache<Int>()

    init(dimension: Dimension, capacity: Int) {
        self.dimension = dimension
        self.capacity = max(1, capacity)
    }

    var count: Int { keys.count }

    /// Every group's key and exact totals, without rates (fleet: issue 16, the ledger writer's baseline).
    var groupTotals: [(key: String, totals: Totals)] { zip(keys, stats).map { (key: $0, totals: $1.totals) } }

    /// Every group as the API shows it, in order of first appearance.
    func rows(now: UInt64) -> [GroupRow] {
        assert(run.position < 0, "rates read before the ledger flushed its batch")
        let lastMinute = RateWindow(seconds, lastSeconds: 60, now: now)
        let last5Minutes = RateWindow(minutes, lastSeconds: 300, now: now)
        let lastHour = RateWindow(fiveMinutes, lastSeconds: 3600, now: now)
        let trend = minutes.slots(last: 15, now: now)
        return zip(keys, stats).map { key, stats in
            GroupRow(key: key, totals: stats.totals, lastMinute: lastMinute.perMinute(stats.seconds),
                     last5Minutes: last5Minutes.perMinute(stats.minutes), lastHour: lastHour.perMinute(stats.fiveMinutes),
                     trend: trend.map { $0.map { stats.minutes[$0].cost.usd } ?? 0 })
        }
    }

    /// Each group's key and exact totals, without the rate windows (for periodic checks).
    var totalsByKey: some Sequence<(String, Totals)> { zip(keys, stats.lazy.map(\.totals)) }

    /// The key of the group at a position `add` returned.
    func key(at position: Int) -> String { keys[position] }

    /// Counts a contribution under `value`'s group: the value itself, `(unattributed)` for none, or
    /// `(other)` when the table is full. Returns the group's position (stable: groups are never removed).
    @discardableResult
    mutating func add(_ contribution: Contribution, value: String?, at time: UInt64, sign: Int = 1) -> Int {
        let position = position(of: value, counting: sign > 0)
        stats[position].totals.add(contribution, sign: sign)
        let delta = RateBucket(contribution, sign: sign)
        guard !delta.isZero else { return position }
        if position == run.position && time == run.time {
            run.delta.add(delta)
        } else {
            flushRun()
            run = (position, time, delta)
        }
        return position
    }

    /// Puts the current run's rates into the group's buckets. When a ring reuses a slot for a newer
    /// bucket, the slot is zeroed in every group first: once per bucket (5 s, 1 min, 5 min), O(groups).
    mutating func flushRun() {
        guard run.position >= 0 else { return }
        let (position, time, delta) = run
        run.position = -1
        if let (slot, reused) = seconds.place(time) {
            if reused { for group in stats.indices { stats[group].seconds[slot] = RateBucket() } }
            stats[position].seconds[slot].add(delta)
        }
        if let (slot, reused) = minutes.place(time) {
            if reused { for group in stats.indices { stats[group].minutes[slot] = RateBucket() } }
            stats[position].minutes[slot].add(delta)
        }
        if let (slot, reused) = fiveMinutes.place(time) {
            if reused { for group in stats.indices { stats[group].fiveMinutes[slot] = RateBucket() } }
            stats[position].fiveMinutes[slot].add(delta)
        }
    }

    // ledger (issue 11): a group's totals restored at start-up.
    mutating func restore(key: String, totals: Totals) {
        stats[slot(for: key)].totals = totals
    }

    private mutating func position(of value: String?, counting: Bool) -> Int {
        let key = value ?? Dimension.unattributed
        if let position = recent.value(for: key) { return position }
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
        recent.remember(position, for: key)
        return position
    }

    private mutating func slot(for key: String) -> Int {
        if let existing = index[key] { return existing }
        index[key] = keys.count
        keys.append(key)
        stats.append(GroupStats())
        return keys.count - 1
    }
}
