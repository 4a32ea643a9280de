/// Deduplicates repeated string values within one request.
///
/// A batch repeats the same model names, team names, span names and custom attribute keys in
/// span after span. Strings of 16 bytes or more live on the heap, so each repetition would
/// cost an allocation, a validation and a copy, and would take its own memory in the span store.
/// The cache remembers, per hash slot, the last string made and where its bytes are in the
/// payload; an identical byte sequence later in the payload gets the same `String` back.
/// Direct-mapped: a collision simply replaces the slot, so unique values (ids, prompts) cost
/// one probe and never grow the cache.
///
/// Every string it makes (each miss, and each string too long to cache) is charged to the
/// request's `allowance` first; a hit costs nothing, as no memory is allocated for it.
final class StringCache {
    /// Heap-allocated Swift strings start above 15 UTF-8 bytes; shorter ones are stored inline.
    static let minimumLength = 16
    /// Longer strings are rarely repeated verbatim and would make the comparison expensive.
    static let maximumLength = 128

    private struct Slot {
        var hash: UInt64
        var offset: Int
        var count: Int
        var string: String
    }

    private static let slotBits: UInt64 = 9
    /// Raw storage rather than an array: a probe is on the hot path of every long string, and
    /// an array held in a class pays exclusivity and uniqueness checks on each access.
    private let slots: UnsafeMutablePointer<Slot>
    let allowance: DecodeAllowance

    init(allowance: DecodeAllowance) {
        self.allowance = allowance
        slots = .allocate(capacity: 1 << Self.slotBits)
        slots.initialize(repeating: Slot(hash: 0, offset: 0, count: 0, string: ""), count: 1 << Self.slotBits)
    }

    deinit {
        slots.deinitialize(count: 1 << Self.slotBits)
        slots.deallocate()
    }

    /// The cached string for the `count` bytes at `offset` of the payload starting at `base`,
    /// or the result of `make()`, which is then remembered.
    @inline(__always)
    func string(
        base: UnsafeRawPointer, offset: Int, count: Int, make: () throws(OTLPDecodeError) -> String
    ) throws(OTLPDecodeError) -> String {
        let hash = ByteHash.hash(base + offset, count: count)
        let slot = slots + Int(truncatingIfNeeded: hash >> (64 - Self.slotBits))
        if slot.pointee.hash == hash, slot.pointee.count == count,
           ByteHash.equal(base + slot.pointee.offset, base + offset, count: count) {
            return slot.pointee.string
        }
        try allowance.chargeString(count)
        let made = try make()
        slot.pointee = Slot(hash: hash, offset: offset, count: count, string: made)
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
