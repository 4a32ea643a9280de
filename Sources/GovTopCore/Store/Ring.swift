/// A first-in, first-out buffer that addresses elements by a global sequence number: the first
/// element ever appended is 0, and numbers keep counting after evictions.
///
/// Storage comes in fixed-size chunks, allocated as the ring fills and freed as its oldest chunk
/// empties, so memory follows the number of elements held (no doubling slack, no copying on
/// growth) and a full store never holds more than one chunk of unused slots.
struct Ring<Element> {
    /// Slots per chunk: a power of two, at most `maxChunk`, and no more than the ring may hold.
    private let chunkShift: Int
    private var chunks: [[Element?]] = []
    /// Sequence number of the first slot of `chunks[0]`.
    private var chunkBase: UInt64 = 0
    let maxCapacity: Int
    private(set) var count = 0
    /// Sequence number of the oldest element held.
    private(set) var firstSequence: UInt64 = 0

    private static var maxChunkShift: Int { 8 }

    var isEmpty: Bool { count == 0 }
    /// Sequence number the next append gets.
    var nextSequence: UInt64 { firstSequence + UInt64(count) }
    /// Slots allocated (for memory accounting).
    var capacity: Int { chunks.count << chunkShift }
    private var chunkSize: Int { 1 << chunkShift }

    init(maxCapacity: Int = Int.max) {
        self.maxCapacity = max(1, maxCapacity)
        var shift = 0
        while shift < Self.maxChunkShift && (1 << shift) < self.maxCapacity { shift += 1 }
        chunkShift = shift
    }

    @discardableResult
    mutating func append(_ element: Element) -> UInt64 {
        let sequence = nextSequence
        let offset = Int(sequence - chunkBase)
        let chunk = offset >> chunkShift
        if chunk == chunks.count { chunks.append([Element?](repeating: nil, count: chunkSize)) }
        chunks[chunk][offset & (chunkSize - 1)] = element
        count += 1
        return sequence
    }

    /// Removes and returns the oldest element.
    mutating func removeFirst() -> Element? {
        guard count > 0 else { return nil }
        let offset = Int(firstSequence - chunkBase)
        let element = chunks[0][offset]
        chunks[0][offset] = nil
        count -= 1
        firstSequence += 1
        if offset + 1 == chunkSize {
            chunks.removeFirst()
            chunkBase += UInt64(chunkSize)
        }
        return element
    }

    var first: Element? { count > 0 ? self[sequence: firstSequence] : nil }

    /// The element with this sequence number, if still held.
    subscript(sequence sequence: UInt64) -> Element? {
        guard let (chunk, slot) = position(of: sequence) else { return nil }
        return chunks[chunk][slot]
    }

    /// Changes the element with this sequence number in place, if still held.
    mutating func update(sequence: UInt64, _ body: (inout Element) -> Void) {
        guard let (chunk, slot) = position(of: sequence), chunks[chunk][slot] != nil else { return }
        body(&chunks[chunk][slot]!)
    }

    /// Oldest first.
    func oldestFirst() -> some Sequence<Element> {
        (0..<UInt64(count)).lazy.compactMap { self[sequence: firstSequence + $0] }
    }

    /// Newest first.
    func reversed() -> some Sequence<Element> {
        (0..<UInt64(count)).lazy.reversed().compactMap { self[sequence: firstSequence + $0] }
    }

    private func position(of sequence: UInt64) -> (chunk: Int, slot: Int)? {
        guard sequence >= firstSequence, sequence < nextSequence else { return nil }
        let offset = Int(sequence - chunkBase)
        return (offset >> chunkShift, offset & (chunkSize - 1))
    }
}
