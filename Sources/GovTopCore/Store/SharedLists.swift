/// Small lists that many trace entries hold alike — the models and the providers of a trace, the
/// attributions of its spans — kept once and shared: traces of a service name the same few models
/// and carry one of a few attributions, so most entries point to one of a handful of lists
/// instead of each holding its own. A list never changes: an entry that extends its list gets
/// another one.
///
/// Bounded: at most `capacity` lists and `maxBytes` bytes. It drops the lists no entry holds any
/// more after as many entries let go of lists as half the table holds (so about as many lists are
/// in use as are held), and when it is full. If that frees no room, the entry gets a list of its
/// own and counts its bytes itself (`ownBytes`), so the estimate stays honest either way.
struct SharedLists<Element: Hashable> {
    private var lists: [[Element]: SharedList<Element>] = [:]
    private var listBytes = 0
    /// Lists made, and lists let go of, since the table last dropped its unused ones: each sweep
    /// costs O(lists held), and comes only after that many makes or releases, so O(1) per list.
    private var madeSinceSweep = 0
    private var releasedSinceSweep = 0
    let capacity: Int
    let maxBytes: Int
    /// Heap bytes an element holds beyond its inline size (its long strings).
    private let elementHeapBytes: (Element) -> Int
    /// The last appends that found a shared list: new traces of a batch extend the same few lists
    /// by the same few values, and comparing with these is cheaper than hashing the extended list.
    /// Each holds its base list, so an identity cannot be reused while it is here; emptied before
    /// a sweep, so it keeps no list alive that the table would drop.
    private var recent = InlineArray<4, (base: SharedList<Element>?, value: Element, result: SharedList<Element>)?>(repeating: nil)
    private var nextRecent = 0

    init(capacity: Int = 4_096, maxBytes: Int = 4 << 20, elementHeapBytes: @escaping (Element) -> Int) {
        self.capacity = capacity
        self.maxBytes = maxBytes
        self.elementHeapBytes = elementHeapBytes
    }

    /// Lists held.
    var count: Int { lists.count }

    /// Estimated bytes of the shared lists (objects, buffers, their elements' heap) and of the
    /// table's slots.
    var bytes: Int { listBytes + lists.capacity * (8 + 8) * 4 / 3 }

    /// `list` with `value` appended: a shared list when there is one (or room for one), else one
    /// of the caller's own, with its bytes.
    mutating func appending(_ value: Element, to list: SharedList<Element>?) -> (list: SharedList<Element>, ownBytes: Int) {
        if list != nil { releasedSinceSweep += 1 }
        for slot in recent.indices {
            if let hit = recent[slot], hit.base === list, hit.value == value { return (hit.result, 0) }
        }
        var elements = list?.elements ?? []
        elements.append(value)
        if let shared = lists[elements] {
            recent[nextRecent] = (list, value, shared)
            nextRecent = (nextRecent + 1) % recent.count
            return (shared, 0)
        }
        let extended = SharedList(elements)
        let bytes = bytes(of: elements)
        madeSinceSweep += 1
        if (lists.count >= capacity || listBytes + bytes > maxBytes) && madeSinceSweep >= capacity / 4 { dropUnused() }
        guard lists.count < capacity && listBytes + bytes <= maxBytes else { return (extended, bytes) }
        lists[elements] = extended
        listBytes += bytes
        return (extended, 0)
    }

    /// Counts lists that entries let go of (an entry dropped): once they add up to half the
    /// table, the table drops the lists nobody holds.
    mutating func noteReleased(_ count: Int) {
        releasedSinceSweep += count
        if releasedSinceSweep >= max(64, lists.count / 2) { dropUnused() }
    }

    /// Drops the lists that only the table still holds.
    private mutating func dropUnused() {
        recent = InlineArray(repeating: nil)
        madeSinceSweep = 0
        releasedSinceSweep = 0
        var unused: [[Element]] = []
        // Index by index (a held `indices` would share the storage and defeat the check).
        var index = lists.startIndex
        while index != lists.endIndex {
            if isKnownUniquelyReferenced(&lists.values[index]) { unused.append(lists[index].key) }
            index = lists.index(after: index)
        }
        for elements in unused {
            lists[elements] = nil
            listBytes -= bytes(of: elements)
        }
    }

    /// A list's object and buffer (rounded as malloc rounds) and its elements' heap.
    private func bytes(of elements: [Element]) -> Int {
        32 + (32 + elements.count * MemoryLayout<Element>.stride + 8 + 15) & ~15 + elements.reduce(0) { $0 + elementHeapBytes($1) }
    }
}

/// One list of `SharedLists`, held by reference by the entries that share it.
final class SharedList<Element: Hashable> {
    let elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }
}

extension SharedLists where Element == String {
    init() {
        self.init(elementHeapBytes: StringHeap.bytes)
    }
}

extension SharedLists where Element == Attribution {
    init() {
        self.init { attribution in
            [attribution.team, attribution.project, attribution.customer, attribution.environment,
             attribution.costCenter, attribution.feature, attribution.user].reduce(0) { $0 + ($1.map(StringHeap.bytes) ?? 0) }
        }
    }
}

/// What a string holds on the heap: nothing up to 15 UTF-8 bytes (they live inline), else a
/// buffer of its header and bytes, rounded as malloc rounds.
enum StringHeap {
    static func bytes(_ string: String) -> Int {
        let length = string.utf8.count
        return length > 15 ? (32 + length + 1 + 8 + 15) & ~15 : 0
    }
}
