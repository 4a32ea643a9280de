/// Spend over time for the dashboard's chart: all spend and each team's, per minute over the last
/// hour and per 15 minutes over the last 24 hours, as exact sums (`Money`). Bounded: at most
/// `teamCapacity` teams are kept apart, later ones are counted under `(other)`; every team costs
/// the same fixed 156 buckets. Adding is O(1); a ring that moves on to a new bucket zeroes that
/// slot in every team, once per bucket. Not thread-safe: the engine owns it.
struct SpendSeries: Sendable {
    static let teamCapacity = 256
    static let minuteBuckets = 60
    static let quarterBuckets = 96

    private var minuteRing = BucketRing<60>(resolutionSeconds: 60)
    private var quarterRing = BucketRing<96>(resolutionSeconds: 900)
    private var teamIndex: [String: Int] = [:]
    /// Series positions of the teams seen lately, by the team string's identity (a hash of its text per span cost more).
    private var recent = KeyIdentityCache<Int>()
    private var teams: [String] = []
    /// Index 0 is all spend; team `i` (position in `teams`) is at `i + 1`.
    private var minutes: [InlineArray<60, Int128>] = [InlineArray(repeating: 0)]
    private var quarters: [InlineArray<96, Int128>] = [InlineArray(repeating: 0)]

    /// Counts `amount` at `time` for all spend and for `team` (nil: `(unattributed)`).
    mutating func add(_ amount: Money, team: String?, at time: UInt64) {
        guard !amount.isZero else { return }
        let series = position(of: team ?? Dimension.unattributed)
        if let (slot, reused) = minuteRing.place(time) {
            if reused { for index in minutes.indices { minutes[index][slot] = 0 } }
            minutes[0][slot] += amount.nanos
            minutes[series][slot] += amount.nanos
        }
        if let (slot, reused) = quarterRing.place(time) {
            if reused { for index in quarters.indices { quarters[index][slot] = 0 } }
            quarters[0][slot] += amount.nanos
            quarters[series][slot] += amount.nanos
        }
    }

    /// A span's spend changed team after the fact (its trace's attribution became known): the
    /// amount leaves the old team's bucket and joins the new one's; the total is unchanged.
    mutating func move(_ amount: Money, from old: String?, to new: String?, at time: UInt64) {
        guard !amount.isZero, old != new else { return }
        let from = position(of: old ?? Dimension.unattributed)
        let to = position(of: new ?? Dimension.unattributed)
        guard from != to else { return }
        if let slot = minuteRing.slots(last: 1, now: time)[0] {
            minutes[from][slot] -= amount.nanos
            minutes[to][slot] += amount.nanos
        }
        if let slot = quarterRing.slots(last: 1, now: time)[0] {
            quarters[from][slot] -= amount.nanos
            quarters[to][slot] += amount.nanos
        }
    }

    /// The last hour per minute and the last 24 hours per 15 minutes, with the `topTeams` teams
    /// that spent most in each window.
    func history(now: UInt64, topTeams: Int) -> SpendHistory {
        SpendHistory(
            hour: window(minuteRing, minutes, buckets: Self.minuteBuckets, now: now, topTeams: topTeams),
            day: window(quarterRing, quarters, buckets: Self.quarterBuckets, now: now, topTeams: topTeams))
    }

    private func window<let count: Int>(_ ring: BucketRing<count>, _ values: [InlineArray<count, Int128>], buckets: Int,
                                         now: UInt64, topTeams: Int) -> SpendWindow {
        let slots = ring.slots(last: buckets, now: now)
        func amounts(_ series: Int) -> [Money] { slots.map { Money(nanos: $0.map { values[series][$0] } ?? 0) } }
        var ranked: [(team: Int, sum: Int128)] = []
        for team in teams.indices {
            let sum = slots.reduce(Int128(0)) { $0 + ($1.map { values[team + 1][$0] } ?? 0) }
            if sum > 0 { ranked.append((team, sum)) }
        }
        ranked.sort { ($0.sum, teams[$1.team]) > ($1.sum, teams[$0.team]) }
        let bucketStart = now / ring.resolutionNanos * ring.resolutionNanos
        return SpendWindow(resolutionSeconds: Int(ring.resolutionNanos / 1_000_000_000), newestBucketStart: bucketStart,
                           total: amounts(0),
                           teams: ranked.prefix(max(0, topTeams)).map { SpendWindow.Team(name: teams[$0.team], amounts: amounts($0.team + 1)) })
    }

    private mutating func position(of team: String) -> Int {
        if let position = recent.value(for: team) { return position }
        let position = slot(for: team)
        recent.remember(position, for: team)
        return position
    }

    private mutating func slot(for team: String) -> Int {
        if let index = teamIndex[team] { return index + 1 }
        let key = teams.count < Self.teamCapacity ? team : Dimension.other
        if let index = teamIndex[key] { return index + 1 }
        teamIndex[key] = teams.count
        teams.append(key)
        minutes.append(InlineArray(repeating: 0))
        quarters.append(InlineArray(repeating: 0))
        return teams.count
    }
}
