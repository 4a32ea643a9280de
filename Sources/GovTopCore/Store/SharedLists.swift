/// Small lists that many trace entries hold alike — the models and the providers of a trace, the
/// attributions of its spans — kept once and shared: traces of a service name the same few models
/// and carry one of a few attributions, so most entries point to one of a handful of lists
/// instead of each holding its own. A list never changes: an entry that extends its list gets
/// another one.
///
/// Bounded: at most `capacity` lists and `maxBytes` bytes. It drops the lists no entry holds any
/// more after as many entries let go of lists as half the table holds or a quarter of its capacity,
/// whichever is more (a sweep also forgets the steps, so sweeping at every few dozen evictions
/// would keep them from paying off; the bounds hold either way), and when it is full. If that frees no room, the entry gets a list of its
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
    /// Appends that found a shared list, by their base list's identity and the value: traces extend
    /// the same few lists by the same few values, and hashing one value is cheaper than making and
    /// hashing the extended list. Each holds its base list, so an identity cannot be reused while it
    /// is here; only shared bases are kept (an entry's own list is not kept alive uncounted), at
    /// most `capacity` of them, and they are emptied before a sweep, so none keeps alive a list the
    /// table would drop.
    private var steps: [Step: (base: SharedList<Element>?, result: SharedList<Element>)] = [:]
    /// Heap bytes of the steps' values (their own copies of long strings).
    private var stepBytes = 0

    private struct Step: Hashable {
        let base: ObjectIdentifier?
        let value: Element
    }

    init(capacity: Int = 4_096, maxBytes: Int = 4 << 20, elementHeapBytes: @escaping (Element) -> Int) {
        self.capacity = capacity
        self.maxBytes = maxBytes
        self.elementHeapBytes = elementHeapBytes
    }

    /// Lists held.
    var count: Int { lists.count }

    /// Estimated bytes of the shared lists (objects, buffers, their elements' heap) and of the
    /// slots and values of the table and of the steps.
    var bytes: Int {
        listBytes + lists.capacity * (8 + 8) * 4 / 3
            + steps.capacity * (MemoryLayout<Step>.stride + 16) * 4 / 3 + stepBytes
    }

    /// `list` with `value` appended: a shared list when there is one (or room for one), else one
    /// of the caller's own, with its bytes.
    mutating func appending(_ value: Element, to list: SharedList<Element>?) -> (list: SharedList<Element>, ownBytes: Int) {
        if list != nil { releasedSinceSweep += 1 }
        let step = Step(base: list.map(ObjectIdentifier.init), value: value)
        if let known = steps[step] { return (known.result, 0) }
        var elements = list?.elements ?? []
        elements.append(value)
        if let shared = lists[elements] {
            remember(step, base: list, result: shared)
            return (shared, 0)
        }
        let extended = SharedList(elements)
        let bytes = bytes(of: elements)
        madeSinceSweep += 1
        if (lists.count >= capacity || listBytes + bytes > maxBytes) && madeSinceSweep >= capacity / 4 { dropUnused() }
        guard lists.count < capacity && listBytes + bytes <= maxBytes else { return (extended, bytes) }
        lists[elements] = extended
        extended.isShared = true
        listBytes += bytes
        remember(step, base: list, result: extended)
        return (extended, 0)
    }

    /// Keeps a step whose base is shared (or none), within `capacity` steps.
    private mutating func remember(_ step: Step, base: SharedList<Element>?, result: SharedList<Element>) {
        if let base, !base.isShared { return }
        if steps.count >= capacity { forgetSteps() }
        steps[step] = (base, result)
        stepBytes += elementHeapBytes(step.value)
    }

    /// Counts lists that entries let go of (an entry dropped): once they add up to half the
    /// table, the table drops the lists nobody holds.
    mutating func noteReleased(_ count: Int) {
        releasedSinceSweep += count
        if releasedSinceSweep >= max(64, capacity / 4, lists.count / 2) { dropUnused() }
    }

    private mutating func forgetSteps() {
        steps.removeAll(keepingCapacity: true)
        stepBytes = 0
    }

    /// Drops the lists that only the table still holds.
    private mutating func dropUnused() {
        forgetSteps()
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
            lists.removeValue(forKey: elements)?.isShared = false
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
    /// Whether the table holds this list (set and cleared only by `SharedLists`): an entry's own
    /// list, made when the table was full, is not.
    fileprivate(set) var isShared = false

    init(_ elements: [Element]) { self.elements = elements }
}

extension SharedLists where Element == String {
    init() {
        self.init(elementHeapBytes: StringHeap.bytes)
    }
}

extension SharedLists where Element == Attribution {
    init() {
        self.init(elementHeapBytes: \.heapBytes)
    }
}
