/// What the ledger of record has not been told yet: hourly deltas per series, gathered under the
/// engine's lock at ingest (O(dimensions) per span) and taken out by the writer at most once a second.
///
/// It is the writer's bounded queue: deltas for the same hour of the same group merge into one, so
/// its size follows the groups and hours that changed, not the spans; past `maxPending` distinct
/// buckets (a store that has failed for a long time) new buckets are dropped and counted, and so is
/// every later delta for a dropped bucket (`DroppedBuckets`: a move out of it would go negative).
///
/// Groups fold into `(other)` exactly as the ledger's group tables fold them (same capacity, same
/// order of arrival, the same adds and moves), so the totals restored per group are the ones shown.
struct LedgerDeltas: Sendable {
    /// Off until a store is attached: an engine without a ledger of record collects nothing.
    private(set) var isEnabled = false
    private var capacity = 0
    private var index: [LedgerBucketKey: Int] = [:]
    private var buckets: [LedgerBucketDelta] = []
    /// Per dimension, the keys the group table holds (the same set, in the same order of arrival).
    private var known: [Set<String>] = Array(repeating: [], count: Dimension.allCases.count)
    /// Per dimension (and all spend, last), the value counted last, its hour and its bucket: the spans
    /// of a batch share their groups and hour, so most adds skip the group lookup and the hashing.
    private var recent: [(value: String?, hour: Int64, position: Int)] =
        Array(repeating: (value: nil, hour: -1, position: -1), count: Dimension.allCases.count + 1)
    /// Deltas left out because `maxPending` buckets were already waiting (here or in the writer's
    /// pending batch), or because their bucket had been left out before (`ledger_buckets_dropped`).
    private(set) var dropped = 0
    /// Commits that failed (disk full, I/O errors, file-size limit), for `ledger_write_errors`.
    var writeErrors = 0
    private let maxPending: Int
    private var droppedKeys: DroppedBuckets

    static let maxPending = 250_000

    init(maxPending: Int = LedgerDeltas.maxPending) {
        self.maxPending = max(1, maxPending)
        droppedKeys = DroppedBuckets(capacity: self.maxPending)
    }

    /// Counts deltas the ledger writer left out of its pending batch.
    mutating func countDropped(_ count: Int) {
        dropped += count
    }

    /// Starts collecting, with the groups a previous run left (in their order of arrival).
    mutating func enable(capacity: Int, groups: [LedgerSeries]) {
        isEnabled = true
        self.capacity = max(1, capacity)
        for series in groups {
            if let dimension = series.dimension { known[dimension.index].insert(series.key) }
        }
    }

    /// The same span `Ledger.add` counts.
    mutating func add(_ contribution: Contribution, facts: GovernanceFacts, attribution: Attribution, at time: UInt64) {
        guard isEnabled, !contribution.isEmpty else { return }
        let hour = LedgerBucketKey.hourStart(of: time)
        add(contribution, sign: 1, dimension: nil, value: nil, hour: hour)
        for dimension in Dimension.allCases {
            add(contribution, sign: 1, dimension: dimension, value: dimension.value(in: facts, attribution: attribution), hour: hour)
        }
    }

    /// The same move `Ledger.move` applies: out of the old group, into the new one, in the hour the
    /// span arrived.
    mutating func move(_ move: AttributionMove) {
        guard isEnabled, !move.contribution.isEmpty else { return }
        let hour = LedgerBucketKey.hourStart(of: move.receivedAt)
        for dimension in Dimension.allCases {
            guard let fact = dimension.attributionFact else { continue }
            let old = move.old[fact]
            let new = move.new[fact]
            guard old != new else { continue }
            add(move.contribution, sign: -1, dimension: dimension, value: old, hour: hour)
            add(move.contribution, sign: 1, dimension: dimension, value: new, hour: hour)
        }
    }

    /// Takes every delta gathered since the last call (moves that cancelled out are left out).
    mutating func drain() -> [LedgerBucketDelta] {
        let taken = buckets.filter { !$0.amounts.isZero }
        buckets.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        for slot in recent.indices { recent[slot] = (value: nil, hour: -1, position: -1) }
        return taken
    }

    var pendingCount: Int { buckets.count }

    /// The group a value is counted under: as `GroupTable` places it.
    private mutating func resolve(_ dimension: Dimension, _ value: String?) -> String {
        let key = value ?? Dimension.unattributed
        if known[dimension.index].contains(key) { return key }
        if known[dimension.index].count < capacity {
            known[dimension.index].insert(key)
            return key
        }
        known[dimension.index].insert(Dimension.other)
        return Dimension.other
    }

    /// Adds to the bucket of `value`'s group (all spend for a nil dimension) in `hour`. A value folds
    /// the same way every time (the known set only grows), so caching by the raw value is exact.
    private mutating func add(_ contribution: Contribution, sign: Int, dimension: Dimension?, value: String?, hour: Int64) {
        let slot = dimension?.index ?? Dimension.allCases.count
        let last = recent[slot]
        if last.position >= 0, last.hour == hour, last.value == value {
            buckets[last.position].amounts.add(contribution, sign: sign)
            return
        }
        let series = dimension.map { LedgerSeries(dimension: $0, key: resolve($0, value)) } ?? .all
        let key = LedgerBucketKey(series: series, hourStart: hour)
        let position: Int
        if let existing = index[key] {
            position = existing
        } else {
            // A bucket waiting here was never dropped: only a new one is checked.
            guard buckets.count < maxPending, !droppedKeys.contains(key) else {
                droppedKeys.insert(key)
                dropped += 1
                return
            }
            position = buckets.count
            index[key] = position
            buckets.append(LedgerBucketDelta(key: key, amounts: Totals()))
        }
        buckets[position].amounts.add(contribution, sign: sign)
        recent[slot] = (value: value, hour: hour, position: position)
    }
}
