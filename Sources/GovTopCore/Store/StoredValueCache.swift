/// The values coded last by one payload encoder: a batch repeats a handful of them, and comparing
/// a string's bytes with a few is cheaper than hashing it under the table's lock. Belongs to one batch on one thread, so it needs no lock of its own.
struct StoredValueCache {
    let table: StoredValueTable
    private var recentValues = InlineArray<16, String>(repeating: "")
    private var recentIDs = InlineArray<16, UInt32>(repeating: .max)
    private var nextRecent = 0

    init(table: StoredValueTable) {
        self.table = table
    }

    /// The value's id in the table, or nil when it is spelled out (see `StoredValueTable.id(of:)`).
    @inline(__always)
    mutating func id(of value: String) -> UInt32? {
        guard StoredValueTable.codes(length: value.utf8.count) else { return nil }
        for slot in recentIDs.indices where recentIDs[slot] != .max && StoredValueTable.sameBytes(recentValues[slot], value) {
            return recentIDs[slot]
        }
        guard let id = table.id(of: value) else { return nil }
        recentValues[nextRecent] = value
        recentIDs[nextRecent] = id
        nextRecent = (nextRecent + 1) % recentIDs.count
        return id
    }
}
