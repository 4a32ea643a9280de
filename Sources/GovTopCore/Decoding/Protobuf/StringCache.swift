/// Deduplicates repeated string values within one request.
///
/// A batch repeats the same model names, team names, span names and custom attribute keys in
/// span after span. Strings of 16 bytes or more live on the heap, so each repetition would
/// cost an allocation, a validation and a copy, and would take its own memory in the span store.
/// The cache remembers, per hash slot, the last string made and where its bytes are in the
/// payload; an identical byte sequence later in the payload gets the same `String` back.
/// Direct-mapped: a collision simply replaces the slot, so unique values (ids, prompts) cost
/// one probe and never grow the cache.
final class StringCache {
    /// Heap-allocated Swift strings start above 15 UTF-8 bytes; shorter ones are stored inline.
    static let minimumLength = 16
    /// Longer strings are rarely repeated verbatim and would make the comparison expensive.
    static let maximumLength = 128

    private static let slotBits: UInt64 = 9
    private static let slotCount = 1 << slotBits
    // Parallel arrays, so a probe touches no reference-counted value until it hits.
    private var hashes = [UInt64](repeating: 0, count: slotCount)
    private var offsets = [Int](repeating: 0, count: slotCount)
    private var counts = [Int](repeating: 0, count: slotCount)
    private var strings = [String](repeating: "", count: slotCount)

    /// The cached string for the `count` bytes at `offset` of the payload starting at `base`,
    /// or the result of `make()`, which is then remembered.
    @inline(__always)
    func string(
        base: UnsafeRawPointer, offset: Int, count: Int, make: () throws(OTLPDecodeError) -> String
    ) throws(OTLPDecodeError) -> String {
        let hash = ByteHash.hash(base + offset, count: count)
        let index = Int(truncatingIfNeeded: hash >> (64 - Self.slotBits))
        if hashes[index] == hash, counts[index] == count,
           ByteHash.equal(base + offsets[index], base + offset, count: count) {
            return strings[index]
        }
        let made = try make()
        hashes[index] = hash
        offsets[index] = offset
        counts[index] = count
        strings[index] = made
        return made
    }
}

/// Hashing and comparison of short byte strings read straight from the payload.
enum ByteHash {
    /// Mixes the length with the first and last eight bytes; `count` must be at least 8.
    @inline(__always)
    static func hash(_ start: UnsafeRawPointer, count: Int) -> UInt64 {
        let head = start.loadUnaligned(as: UInt64.self)
        let tail = start.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        var mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &+ UInt64(truncatingIfNeeded: count))
        mixed = (mixed ^ (mixed >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 29)
    }

    /// Compares `count` (at least 8) bytes eight at a time; the last word may overlap the previous one.
    @inline(__always)
    static func equal(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset < count - 8 {
            if lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        return lhs.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == rhs.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
}
