/// What the ledger of record has not been told yet: hourly deltas per series, gathered under the
/// engine's lock at ingest (O(dimensions) per span) and taken out by the writer at most once a second.
///
/// It is the writer's bounded queue: deltas for the same hour of the same group merge into one, so
/// its size follows the groups and hours that changed, not the spans; past `maxPending` distinct
/// buckets (a store that has failed for a long time) new buckets are dropped and counted, and so is
/// every later delta for a dropped bucket (`DroppedBuckets`: a move out of it would go negative).
///
/// The `Ledger` owns it and hands it each add and move with the group its table counted it under
/// (the group's position there, and its name), so the groups on disk are the ones shown, folded
/// into `(other)` by the same table, and a bucket is found by three integers, not by its name.
struct LedgerDeltas: Sendable {
    /// Off until a store is attached: an engine without a ledger of record collects nothing.
    private(set) var isEnabled = false
    private var index: [Bucket: Int] = [:]
    private var buckets: [LedgerBucketDelta] = []
    /// Per dimension (and all spend, last), the group counted last, its hour and its bucket: the
    /// spans of a batch share their groups and hour, so most adds skip the lookup.
    private var recent: [(group: Int, hour: Int64, position: Int)] =
        Array(repeating: (group: -1, hour: -1, position: -1), count: Dimension.allCases.count + 1)
    /// Deltas left out because `maxPending` buckets were already waiting (here or in the writer's
    /// pending batch), or because their bucket had been left out before (`ledger_buckets_dropped`).
    private(set) var dropped = 0
    /// Commits that failed (disk full, I/O errors, file-size limit), for `ledger_write_errors`.
    var writeErrors = 0
    private let maxPending: Int
    private var droppedKeys: DroppedBuckets

    static let maxPending = 250_000

    /// A bucket by the series' slot in `recent`, the group's position in its table and the hour.
    private struct Bucket: Hashable {
        let slot: Int
        let group: Int
        let hour: Int64
    }

    init(maxPending: Int = LedgerDeltas.maxPending) {
        self.maxPending = max(1, maxPending)
        droppedKeys = DroppedBuckets(capacity: self.maxPending)
    }

    /// Counts deltas the ledger writer left out of its pending batch.
    mutating func countDropped(_ count: Int) {
        dropped += count
    }

    /// Starts collecting.
    mutating func enable() {
        isEnabled = true
    }

    /// Takes every delta gathered since the last call (moves that cancelled out are left out).
    mutating func drain() -> [LedgerBucketDelta] {
        let taken = buckets.filter { !$0.amounts.isZero }
        buckets.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        for slot in recent.indices { recent[slot] = (group: -1, hour: -1, position: -1) }
        return taken
    }

    var pendingCount: Int { buckets.count }

    /// Adds to the bucket of a group in `hour`: `dimension` nil for all spend; `group` is the
    /// group's position in its dimension's table and `key` its name (read only for a new bucket).
    mutating func add(_ contribution: Contribution, sign: Int, dimension: Dimension?, group: Int,
                      key: @autoclosure () -> String, hour: Int64) {
        let slot = dimension?.index ?? Dimension.allCases.count
        let last = recent[slot]
        if last.position >= 0, last.hour == hour, last.group == group {
            buckets[last.position].amounts.add(contribution, sign: sign)
            return
        }
        let bucket = Bucket(slot: slot, group: group, hour: hour)
        let position: Int
        if let existing = index[bucket] {
            position = existing
        } else {
            let key = LedgerBucketKey(series: dimension.map { LedgerSeries(dimension: $0, key: key()) } ?? .all, hourStart: hour)
            // A bucket waiting here was never dropped: only a new one is checked.
            guard buckets.count < maxPending, !droppedKeys.contains(key) else {
                droppedKeys.insert(key)
                dropped += 1
                return
            }
            position = buckets.count
            index[bucket] = position
            buckets.append(LedgerBucketDelta(key: key, amounts: Totals()))
        }
        buckets[position].amounts.add(contribution, sign: sign)
        recent[slot] = (group: group, hour: hour, position: position)
    }
}
