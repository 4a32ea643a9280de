/// The names of the stored spans, each kept once and referred to by a 32-bit id. A name stays
/// while a stored span has it: the last one evicted drops it (and its id is reused), so distinct
/// names churning through the store never accumulate, and the table's bytes are counted in the
/// store's estimate.
struct SpanNameTable {
    private var names: [String] = []
    /// Stored spans that have each name; 0 for a free id.
    private var users: [UInt32] = []
    private var ids: [String: UInt32] = [:]
    private var freeIDs: [UInt32] = []
    /// Heap bytes of the names themselves (small strings live inline and cost nothing extra).
    private var nameBytes = 0
    /// The names retained last: a batch repeats a handful of names, and comparing a string with a
    /// few is cheaper than hashing it.
    private var recentNames = InlineArray<8, String>(repeating: "")
    private var recentIDs = InlineArray<8, UInt32>(repeating: .max)
    private var nextRecent = 0

    /// Names held.
    var count: Int { ids.count }

    /// Estimated bytes: the arrays' room (they grow by doubling; counted from their sizes, not
    /// from what malloc handed out, so the same input gives the same estimate), the dictionary's
    /// (a slot is its key and value at the table's load factor) and the names' heap buffers.
    var bytes: Int {
        Self.doubled(names.count) * (MemoryLayout<String>.stride + 4) + Self.doubled(freeIDs.count) * 4
            + ids.capacity * (MemoryLayout<String>.stride + 4) * 4 / 3 + nameBytes
    }

    /// The room an array that grew by doubling has for `count` elements.
    private static func doubled(_ count: Int) -> Int { count == 0 ? 0 : 1 << (Int.bitWidth - (count - 1).leadingZeroBitCount) }

    /// The name's id, counting one more span that has it.
    mutating func retain(_ name: String) -> UInt32 {
        for slot in recentIDs.indices where recentIDs[slot] != .max && recentNames[slot] == name {
            users[Int(recentIDs[slot])] += 1
            return recentIDs[slot]
        }
        let id: UInt32
        if let existing = ids[name] {
            id = existing
        } else if let free = freeIDs.popLast() {
            id = free
            names[Int(id)] = name
            ids[name] = id
            nameBytes += StringHeap.bytes(name)
        } else {
            id = UInt32(names.count)
            names.append(name)
            users.append(0)
            ids[name] = id
            nameBytes += StringHeap.bytes(name)
        }
        users[Int(id)] += 1
        recentNames[nextRecent] = names[Int(id)]
        recentIDs[nextRecent] = id
        nextRecent = (nextRecent + 1) % recentIDs.count
        return id
    }

    /// Counts one span with this name fewer; the last one drops the name.
    mutating func release(_ id: UInt32) {
        users[Int(id)] -= 1
        guard users[Int(id)] == 0 else { return }
        let name = names[Int(id)]
        ids[name] = nil
        nameBytes -= StringHeap.bytes(name)
        names[Int(id)] = ""
        freeIDs.append(id)
        for slot in recentIDs.indices where recentIDs[slot] == id {
            recentNames[slot] = ""
            recentIDs[slot] = .max
        }
        // A dictionary never shrinks by itself: after a burst of distinct names, rebuild it once
        // it is mostly empty (amortized O(1) per removal).
        if ids.isEmpty {
            self = SpanNameTable()
        } else if ids.count < ids.capacity / 4 && ids.capacity > 64 {
            var rebuilt = [String: UInt32](minimumCapacity: ids.count * 2)
            for (name, id) in ids { rebuilt[name] = id }
            ids = rebuilt
        }
    }

    /// The name with this id (the table's shared copy).
    subscript(id: UInt32) -> String { names[Int(id)] }
}
