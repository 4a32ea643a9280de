/// The hourly buckets whose deltas were left out because too many waited (`LedgerDeltas`, the ledger
/// writer's pending batch during an outage). Every later delta for one of them must be left out too:
/// an attribution move out of a bucket the store never received would write a negative amount there,
/// which govtop refuses to read back. The price: the dropped bucket stays under-counted on disk (its
/// later deltas are left out too), and a move's destination may keep an amount its source never
/// showed; a negative row never happens.
///
/// Bounded: up to `capacity` buckets are remembered by key; past that, by their hour, so every later
/// delta of such an hour is left out.
struct DroppedBuckets: Sendable {
    private var keys: Set<LedgerBucketKey> = []
    private var hours: Set<Int64> = []
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var isEmpty: Bool { keys.isEmpty && hours.isEmpty }

    mutating func insert(_ key: LedgerBucketKey) {
        if keys.count < capacity || keys.contains(key) { keys.insert(key) } else { hours.insert(key.hourStart) }
    }

    func contains(_ key: LedgerBucketKey) -> Bool {
        !isEmpty && (hours.contains(key.hourStart) || keys.contains(key))
    }
}
