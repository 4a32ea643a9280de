/// Exact totals, live rates and history for all spend, and per group for every dimension.
/// Every update is O(1) per span (per dimension). Not thread-safe: the `Engine` owns it.
struct Ledger {
    private(set) var totals = Totals()
    /// Per second over the last 2 minutes.
    private(set) var seconds = RateSeries(resolutionSeconds: 1, buckets: 120)
    /// Per minute over the last 2 hours.
    private(set) var minutes = RateSeries(resolutionSeconds: 60, buckets: 120)
    private(set) var tables: [GroupTable]
    /// Prometheus counters by label combination (labels fixed at arrival).
    private(set) var labelCounters: LabelCounters
    /// Request durations per model (capped like the model groups).
    private(set) var durations: [String: DurationHistogram] = [:]

    init(maxGroupsPerDimension: Int) {
        tables = Dimension.allCases.map { GroupTable(dimension: $0, capacity: maxGroupsPerDimension) }
        labelCounters = LabelCounters(capacity: maxGroupsPerDimension * 2)
    }

    func table(_ dimension: Dimension) -> GroupTable {
        tables[dimension.index]
    }

    /// Counts a span. Spans that contribute nothing (plain, error-free spans) create no groups.
    mutating func add(_ contribution: Contribution, facts: GovernanceFacts, attribution: Attribution,
                      durationSeconds: Double, at time: UInt64) {
        guard !contribution.isEmpty else { return }
        totals.add(contribution)
        seconds.add(contribution, at: time)
        minutes.add(contribution, at: time)
        labelCounters.add(contribution, labels: LabelSet(facts: facts, attribution: attribution))
        for index in tables.indices {
            let value = tables[index].dimension.value(in: facts, attribution: attribution)
            let key = tables[index].add(contribution, value: value, at: time)
            if index == Dimension.model.index, contribution.requests > 0 {
                durations[key, default: DurationHistogram()].observe(seconds: durationSeconds)
            }
        }
    }

    /// Only the exact running totals (the foundation's counters), without groups, rates or labels.
    mutating func addTotals(_ contribution: Contribution) {
        totals.add(contribution)
    }

    /// Moves a span's contribution between the groups of the attribution dimensions that changed.
    /// Totals, rates and the other dimensions are untouched.
    mutating func move(_ move: AttributionMove) {
        guard !move.contribution.isEmpty else { return }
        for index in tables.indices {
            guard let fact = tables[index].dimension.attributionFact else { continue }
            let old = move.old[fact]
            let new = move.new[fact]
            guard old != new else { continue }
            tables[index].add(move.contribution, value: old, at: move.receivedAt, sign: -1)
            tables[index].add(move.contribution, value: new, at: move.receivedAt)
        }
    }

    var bytes: Int {
        tables.reduce(seconds.bytes + minutes.bytes) { $0 + $1.bytes }
            + labelCounters.count * 160 + durations.count * 200
    }
}
