/// A first-in, first-out buffer that addresses elements by a global sequence number: the first
/// element ever appended is 0, and numbers keep counting after evictions.
///
/// Storage comes in fixed-size chunks, allocated as the ring fills and freed as its oldest chunk
/// empties, so memory follows the number of elements held (no doubling slack, no copying on
/// growth) and a full store never holds more than one chunk of unused slots.
///
/// Each chunk also owns a byte arena for variable-length data of its elements (the spans'
/// payloads): one buffer per chunk instead of one allocation per element, freed with the chunk,
/// and cut from the front as the chunk's oldest elements are removed (so a limit on bytes can be
/// kept by removing elements, also when one chunk holds more than the limit).
struct Ring<Element> {
    private struct Chunk {
        var slots: [Element?]
        var bytes: [UInt8] = []
        /// Arena position of `bytes[0]`: the bytes of removed elements are cut from the front.
        var bytesBase = 0
        /// The arena's room as the ring asked for it (what malloc adds on top varies with the
        /// heap's state; counting the request keeps the estimate the same for the same input).
        var bytesReserved = 0
    }

    /// Slots per chunk: a power of two, at most `maxChunk`, and no more than the ring may hold.
    private let chunkShift: Int
    private var chunks: [Chunk] = []
    /// Sequence number of the first slot of `chunks[0]`.
    private var chunkBase: UInt64 = 0
    let maxCapacity: Int
    private(set) var count = 0
    /// Sequence number of the oldest element held.
    private(set) var firstSequence: UInt64 = 0
    /// Bytes the chunks' arenas have asked for (for memory accounting).
    private(set) var arenaCapacity = 0
    /// Arena bytes the last filled chunk used: a new chunk reserves that much (and a little more),
    /// so a steady stream of similar elements never grows (and copies) an arena.
    private var arenaHint = 0

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
        if chunk == chunks.count { addChunk() }
        let slot = offset & (chunkSize - 1)
        chunks[chunk].slots[slot] = element
        count += 1
        if slot == chunkSize - 1 { compactArena(of: chunk) }
        return sequence
    }

    /// Copies bytes into the arena of the chunk the next `append` goes to; returns where they
    /// start in it (what `bytes(of:at:count:)` takes back).
    mutating func appendBytes(_ bytes: some Collection<UInt8>) -> Int {
        let chunk = Int(nextSequence - chunkBase) >> chunkShift
        if chunk == chunks.count { addChunk() }
        let start = chunks[chunk].bytesBase + chunks[chunk].bytes.count
        let needed = chunks[chunk].bytes.count + bytes.count
        if needed > chunks[chunk].bytesReserved {
            let grown = max(needed, 2 * chunks[chunk].bytesReserved)
            chunks[chunk].bytes.reserveCapacity(grown)
            arenaCapacity += grown - chunks[chunk].bytesReserved
            chunks[chunk].bytesReserved = grown
        }
        chunks[chunk].bytes.append(contentsOf: bytes)
        return start
    }

    /// A copy of bytes stored with `appendBytes` for the element with this sequence number;
    /// empty when the element is no longer held.
    func bytes(of sequence: UInt64, at start: Int, count: Int) -> [UInt8] {
        guard count > 0, let (chunk, _) = position(of: sequence) else { return [] }
        let offset = start - chunks[chunk].bytesBase
        return Array(chunks[chunk].bytes[offset..<offset + count])
    }

    private mutating func addChunk() {
        var bytes: [UInt8] = []
        let reserved = arenaHint + arenaHint / 32
        bytes.reserveCapacity(reserved)
        arenaCapacity += reserved
        chunks.append(Chunk(slots: [Element?](repeating: nil, count: chunkSize), bytes: bytes, bytesReserved: reserved))
    }

    /// A chunk just filled: remembers its arena's size for the next chunk, and gives back the
    /// arena's spare room when it is more than a sixteenth (one copy per chunk, not per element).
    private mutating func compactArena(of chunk: Int) {
        let used = chunks[chunk].bytes.count
        arenaHint = used
        let spare = chunks[chunk].bytesReserved - used
        guard spare > 0 && spare > used / 16 else { return }
        arenaCapacity -= spare
        chunks[chunk].bytes = Array(chunks[chunk].bytes[...])
        chunks[chunk].bytesReserved = used
    }

    /// Removes and returns the oldest element. `bytesEnd` tells where its bytes end in the arena:
    /// every byte before is dead, and once the dead bytes are at least as many as the live ones
    /// (and 4 KiB) the arena keeps only the live ones (so each byte is copied at most once, on
    /// average, and the arena holds at most twice its live bytes).
    mutating func removeFirst(bytesEnd: (Element) -> Int = { _ in 0 }) -> Element? {
        guard count > 0 else { return nil }
        let offset = Int(firstSequence - chunkBase)
        let element = chunks[0].slots[offset]
        chunks[0].slots[offset] = nil
        count -= 1
        firstSequence += 1
        if offset + 1 == chunkSize {
            arenaCapacity -= chunks[0].bytesReserved
            chunks.removeFirst()
            chunkBase += UInt64(chunkSize)
        } else if let element {
            cutArena(before: bytesEnd(element))
        }
        return element
    }

    /// Drops the oldest chunk's dead bytes (those before `end`) when they outnumber the live ones.
    private mutating func cutArena(before end: Int) {
        let dead = end - chunks[0].bytesBase
        guard dead >= 4_096, dead >= chunks[0].bytes.count - dead else { return }
        arenaCapacity -= chunks[0].bytesReserved
        chunks[0].bytes = Array(chunks[0].bytes[dead...])
        chunks[0].bytesBase = end
        chunks[0].bytesReserved = chunks[0].bytes.count
        arenaCapacity += chunks[0].bytesReserved
    }

    var first: Element? { count > 0 ? self[sequence: firstSequence] : nil }

    /// The element with this sequence number, if still held.
    subscript(sequence sequence: UInt64) -> Element? {
        guard let (chunk, slot) = position(of: sequence) else { return nil }
        return chunks[chunk].slots[slot]
    }

    /// Changes the element with this sequence number in place, if still held.
    mutating func update(sequence: UInt64, _ body: (inout Element) -> Void) {
        guard let (chunk, slot) = position(of: sequence), chunks[chunk].slots[slot] != nil else { return }
        body(&chunks[chunk].slots[slot]!)
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
