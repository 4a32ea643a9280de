/// Exact totals, live rates and history for all spend, and per group for every dimension.
/// Every update is O(1) per span (per dimension). Not thread-safe: the `Engine` owns it.
struct Ledger {
    private(set) var totals = Totals()
    /// Per second over the last 2 minutes.
    private(set) var seconds = RateSeries(resolutionSeconds: 1)
    /// Per minute over the last 2 hours.
    private(set) var minutes = RateSeries(resolutionSeconds: 60)
    private(set) var tables: [GroupTable]
    /// Prometheus counters by label combination (labels fixed at arrival).
    private(set) var labelCounters: LabelCounters
    /// Request durations per model, by position in the model table (capped like the model groups).
    private var modelDurations: [DurationHistogram] = []
    /// What the ledger of record has not been told yet (issue 11), once a store is attached: every
    /// add and move below, by the group its table counted it under.
    var deltas: LedgerDeltas

    init(maxGroupsPerDimension: Int, maxPendingDeltas: Int = LedgerDeltas.maxPending) {
        let capacity = min(maxGroupsPerDimension, EngineConfiguration.groupLimit)
        tables = Dimension.allCases.map { GroupTable(dimension: $0, capacity: capacity) }
        labelCounters = LabelCounters(capacity: capacity * 2)
        deltas = LedgerDeltas(maxPending: maxPendingDeltas)
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
        let hour = deltaHour(of: time)
        if deltas.isEnabled { deltas.add(contribution, sign: 1, dimension: nil, group: 0, key: "", hour: hour) }
        var team = 0, project = 0, environment = 0, provider = 0, model = 0
        for index in tables.indices {
            let dimension = tables[index].dimension
            let position = count(contribution, in: index, value: dimension.value(in: facts, attribution: attribution),
                                 at: time, hour: hour)
            switch dimension {
            case .team: team = position
            case .project: project = position
            case .environment: environment = position
            case .provider: provider = position
            case .model: model = position
            case .customer, .costCenter, .feature, .service: break
            }
        }
        guard contribution.requests > 0 else { return }
        labelCounters.add(contribution, key: LabelCounters.Key(team: team, project: project, environment: environment,
                                                               provider: provider, model: model)) {
            LabelSet(team: tables[Dimension.team.index].key(at: team), project: tables[Dimension.project.index].key(at: project),
                     environment: tables[Dimension.environment.index].key(at: environment),
                     provider: tables[Dimension.provider.index].key(at: provider), model: tables[Dimension.model.index].key(at: model))
        }
        if model >= modelDurations.count {
            modelDurations.append(contentsOf: repeatElement(DurationHistogram(), count: model + 1 - modelDurations.count))
        }
        modelDurations[model].observe(seconds: durationSeconds)
    }

    /// Request durations per model, by model name.
    var durations: [(model: String, histogram: DurationHistogram)] {
        let models = table(.model)
        return modelDurations.indices.filter { modelDurations[$0].count > 0 }
            .map { (model: models.key(at: $0), histogram: modelDurations[$0]) }
            .sorted { $0.model < $1.model }
    }

    /// Ends a batch of adds: puts the groups' pending rates into their buckets. The engine calls it
    /// before releasing its lock, so readers always see every span counted.
    mutating func finishBatch() {
        for index in tables.indices { tables[index].flushRun() }
    }

    /// Only the exact running totals (the foundation's counters), without groups, rates or labels.
    mutating func addTotals(_ contribution: Contribution) {
        totals.add(contribution)
    }

    // ledger (issue 11): totals and groups restored at start-up, groups in their order of arrival.
    mutating func restore(_ snapshot: LedgerRestore) {
        totals = snapshot.totals
        for (series, groupTotals) in snapshot.groups {
            if let dimension = series.dimension { tables[dimension.index].restore(key: series.key, totals: groupTotals) }
        }
    }

    /// Moves a span's contribution between the groups of the attribution dimensions that changed.
    /// Totals, rates and the other dimensions are untouched.
    mutating func move(_ move: AttributionMove) {
        guard !move.contribution.isEmpty else { return }
        finishBatch()
        let hour = deltaHour(of: move.receivedAt)
        for index in tables.indices {
            guard let fact = tables[index].dimension.attributionFact else { continue }
            let old = move.old[fact]
            let new = move.new[fact]
            guard old != new else { continue }
            count(move.contribution, sign: -1, in: index, value: old, at: move.receivedAt, hour: hour)
            count(move.contribution, in: index, value: new, at: move.receivedAt, hour: hour)
        }
    }

    /// Counts a contribution (or takes it back, `sign: -1`) in one dimension's table, and tells the
    /// ledger of record the same bucket: the group position the table counted it under, in `hour`
    /// (`deltaHour(of: time)`). Returns that position.
    @discardableResult
    private mutating func count(_ contribution: Contribution, sign: Int = 1, in index: Int, value: String?,
                                at time: UInt64, hour: Int64) -> Int {
        let position = tables[index].add(contribution, value: value, at: time, sign: sign)
        if deltas.isEnabled {
            deltas.add(contribution, sign: sign, dimension: tables[index].dimension, group: position,
                       key: tables[index].key(at: position), hour: hour)
        }
        return position
    }

    /// The ledger of record's hour for an instant, worked out once per span (0 when no ledger of
    /// record is attached: nothing reads it then).
    private func deltaHour(of time: UInt64) -> Int64 {
        deltas.isEnabled ? LedgerBucketKey.hourStart(of: time) : 0
    }
}
