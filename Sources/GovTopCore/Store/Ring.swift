/// A first-in, first-out buffer that grows by doubling and addresses elements by a global sequence
/// number: the first element ever appended is 0, and numbers keep counting after evictions.
struct Ring<Element> {
    private var slots: [Element?] = []
    /// Growth stops here, so a full store holds no unused slots.
    let maxCapacity: Int
    private var head = 0
    private(set) var count = 0
    /// Sequence number of the oldest element held.
    private(set) var firstSequence: UInt64 = 0

    var isEmpty: Bool { count == 0 }
    /// Sequence number the next append gets.
    var nextSequence: UInt64 { firstSequence + UInt64(count) }
    /// Slots allocated (for memory accounting).
    var capacity: Int { slots.count }

    init(maxCapacity: Int = Int.max) { self.maxCapacity = max(1, maxCapacity) }

    @discardableResult
    mutating func append(_ element: Element) -> UInt64 {
        if count == slots.count { grow() }
        slots[(head + count) % slots.count] = element
        count += 1
        return nextSequence - 1
    }

    /// Removes and returns the oldest element.
    mutating func removeFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = slots[head]
        slots[head] = nil
        head = (head + 1) % slots.count
        count -= 1
        firstSequence += 1
        return element
    }

    var first: Element? { count > 0 ? slots[head] : nil }

    /// The element with this sequence number, if still held.
    subscript(sequence sequence: UInt64) -> Element? {
        guard let index = index(of: sequence) else { return nil }
        return slots[index]
    }

    /// Changes the element with this sequence number in place, if still held.
    mutating func update(sequence: UInt64, _ body: (inout Element) -> Void) {
        guard let index = index(of: sequence), slots[index] != nil else { return }
        body(&slots[index]!)
    }

    /// Oldest first.
    func oldestFirst() -> some Sequence<Element> {
        (0..<count).lazy.compactMap { slots[(head + $0) % slots.count] }
    }

    /// Newest first.
    func reversed() -> some Sequence<Element> {
        (0..<count).lazy.reversed().compactMap { slots[(head + $0) % slots.count] }
    }

    private func index(of sequence: UInt64) -> Int? {
        guard sequence >= firstSequence, sequence < nextSequence else { return nil }
        return (head + Int(sequence - firstSequence)) % slots.count
    }

    private mutating func grow() {
        let doubled = slots.count > maxCapacity / 2 ? maxCapacity : slots.count * 2
        var grown = [Element?](repeating: nil, count: max(min(16, maxCapacity), doubled, count + 1))
        for offset in 0..<count {
            grown[offset] = slots[(head + offset) % slots.count]
        }
        slots = grown
        head = 0
    }
}
