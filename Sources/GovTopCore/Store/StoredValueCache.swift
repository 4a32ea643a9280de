/// The values coded last by one payload encoder: a batch repeats a few dozen of them at most, and
/// comparing a string with a few (by length first, then bytes) is cheaper than hashing it under
/// the table's lock. Belongs to one batch on one thread, so it needs no lock of its own.
struct StoredValueCache {
    let table: StoredValueTable
    private var recentValues = InlineArray<32, String>(repeating: "")
    /// The values' UTF-8 lengths (0 for a free slot: no coded value is empty), compared first.
    private var recentLengths = InlineArray<32, Int>(repeating: 0)
    private var recentIDs = InlineArray<32, UInt32>(repeating: 0)
    private var nextRecent = 0

    init(table: StoredValueTable) {
        self.table = table
    }

    /// The value's id in the table, or nil when it is spelled out (see `StoredValueTable.id(of:)`).
    @inline(__always)
    mutating func id(of value: String) -> UInt32? {
        let length = value.utf8.count
        guard StoredValueTable.codes(length: length) else { return nil }
        // The decoder hands out one string for a value repeated in a batch, so the same string (equal
        // bits) is the usual hit, found without reading its bytes.
        let bits = StringBits(value)
        for slot in recentLengths.indices where recentLengths[slot] == length
            && (StringBits(recentValues[slot]) == bits || StoredValueTable.sameBytes(recentValues[slot], value)) {
            return recentIDs[slot]
        }
        guard let id = table.id(of: value) else { return nil }
        recentValues[nextRecent] = value
        recentLengths[nextRecent] = length
        recentIDs[nextRecent] = id
        nextRecent = (nextRecent + 1) % recentIDs.count
        return id
    }
}
