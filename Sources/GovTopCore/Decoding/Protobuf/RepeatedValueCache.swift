/// Deduplicates repeated values within one request: strings, and short arrays.
///
/// A batch repeats the same model names, team names, span names and custom attribute keys in
/// span after span, and the same short arrays (`gen_ai.response.finish_reasons: ["stop"]`).
/// Strings of 16 bytes or more and every array live on the heap, so each repetition would cost an
/// allocation, a decode and a copy, and a string would take its own memory in the span store.
/// The cache remembers, per hash slot, the last value made and where its bytes are in the
/// payload; an identical byte sequence later in the payload (at the same nesting depth, for
/// arrays: a depth limit must judge a value where it sits) gets the same value back.
/// Direct-mapped: a collision simply replaces the slot, so unique values (ids, prompts) cost
/// one probe and never grow the cache.
///
/// Whoever makes a value on a miss charges it to the request's `allowance` first; a hit costs
/// nothing, as no memory is allocated for it.
final class RepeatedValueCache<Value> {
    private struct Slot {
        var hash: UInt64
        var offset: Int
        var count: Int
        var depth: Int
        var value: Value
    }

    private let slotBits: Int
    /// Raw storage rather than an array: a probe is on the hot path of every long string, and
    /// an array held in a class pays exclusivity and uniqueness checks on each access.
    private let slots: UnsafeMutablePointer<Slot>
    let allowance: DecodeAllowance

    init(allowance: DecodeAllowance, slotBits: Int, empty: Value) {
        self.allowance = allowance
        self.slotBits = slotBits
        slots = .allocate(capacity: 1 << slotBits)
        slots.initialize(repeating: Slot(hash: 0, offset: 0, count: 0, depth: 0, value: empty), count: 1 << slotBits)
    }

    deinit {
        slots.deinitialize(count: 1 << slotBits)
        slots.deallocate()
    }

    /// The cached value for the `count` (at least 8) bytes at `offset` of the payload starting at
    /// `base`, read at `depth`, or the result of `make()`, which is then remembered.
    @inline(__always)
    func value(
        base: UnsafeRawPointer, offset: Int, count: Int, depth: Int = 0, make: () throws(OTLPDecodeError) -> Value
    ) throws(OTLPDecodeError) -> Value {
        let hash = ByteHash.hash(base + offset, count: count)
        let slot = slots + Int(truncatingIfNeeded: hash >> UInt64(64 - slotBits))
        if slot.pointee.hash == hash, slot.pointee.count == count, slot.pointee.depth == depth,
           ByteHash.equal(base + slot.pointee.offset, base + offset, count: count) {
            return slot.pointee.value
        }
        let made = try make()
        slot.pointee = Slot(hash: hash, offset: offset, count: count, depth: depth, value: made)
        return made
    }
}

/// Strings: one slot per 9 bits of hash.
typealias StringCache = RepeatedValueCache<String>

extension RepeatedValueCache where Value == String {
    /// Heap-allocated Swift strings start above 15 UTF-8 bytes; shorter ones are stored inline.
    static var minimumLength: Int { 16 }
    /// Longer strings are rarely repeated verbatim and would make the comparison expensive.
    static var maximumLength: Int { 128 }

    convenience init(allowance: DecodeAllowance) {
        self.init(allowance: allowance, slotBits: 9, empty: "")
    }
}

/// Arrays of attribute values: a batch repeats a handful of them.
typealias ArrayValueCache = RepeatedValueCache<[AttributeValue]>

extension RepeatedValueCache where Value == [AttributeValue] {
    /// An `ArrayValue` message shorter than 8 bytes holds at most one tiny element; a longer one
    /// than this is rarely repeated verbatim.
    static var minimumLength: Int { 8 }
    static var maximumLength: Int { 128 }

    convenience init(allowance: DecodeAllowance) {
        self.init(allowance: allowance, slotBits: 6, empty: [])
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
