/// A fixed table of attribute keys (and event names) that recur in nearly every span, looked up
/// by their raw UTF-8 bytes so that the decoder can hand out one shared `String` instead of
/// validating and allocating a new one for every occurrence.
///
/// Only keys of 8 bytes or more are in the table: shorter ones are cheap small strings anyway,
/// and the hash reads the first and last eight bytes of the candidate.
final class WellKnownKeys: Sendable {
    static let shared = WellKnownKeys(keys: WellKnownKeys.catalog)

    /// Entry data in parallel arrays, so a probe touches no reference-counted value until it hits.
    private let hashes: [UInt64]
    private let lengths: [Int]
    private let offsets: [Int]
    private let storage: [UInt8]
    private let strings: [String]
    /// Open-addressed slots holding `entry index + 1` (0 = empty).
    private let slots: [UInt16]
    private let slotShift: UInt64
    private let slotMask: Int
    private let minLength: Int
    private let maxLength: Int
    /// The bits of each entry's `String` (see `entry(identicalTo:)`), and open-addressed slots over
    /// them holding `entry index + 1` (0 = empty).
    private let identities: [StringBits]
    private let identitySlots: [UInt16]

    init(keys: [String]) {
        let unique = Array(Set(keys.filter { $0.utf8.count >= 8 })).sorted()
        var slotBits: UInt64 = 4
        while (1 << slotBits) < unique.count * 4 { slotBits += 1 }
        var slots = [UInt16](repeating: 0, count: 1 << slotBits)
        var hashes: [UInt64] = []
        var offsets: [Int] = []
        var storage: [UInt8] = []
        for key in unique {
            let bytes = Array(key.utf8)
            let hash = bytes.withUnsafeBytes { ByteHash.hash($0.baseAddress!, count: bytes.count) }
            var slot = Int(truncatingIfNeeded: hash >> (64 - slotBits))
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            hashes.append(hash)
            offsets.append(storage.count)
            storage += bytes
            slots[slot] = UInt16(hashes.count)
        }
        self.hashes = hashes
        self.lengths = unique.map(\.utf8.count)
        self.offsets = offsets
        self.storage = storage
        self.strings = unique
        self.slots = slots
        self.slotShift = 64 - slotBits
        self.slotMask = slots.count - 1
        self.minLength = lengths.min() ?? 8
        self.maxLength = lengths.max() ?? 0
        let identities = unique.map(StringBits.init)
        var identitySlots = [UInt16](repeating: 0, count: 1 << slotBits)
        for (entry, identity) in identities.enumerated() {
            var slot = identity.slot(shift: 64 - slotBits)
            while identitySlots[slot] != 0 { slot = (slot + 1) & (identitySlots.count - 1) }
            identitySlots[slot] = UInt16(entry + 1)
        }
        self.identities = identities
        self.identitySlots = identitySlots
    }

    /// The table position of a key that is one of this table's own strings, found by the bits of
    /// the `String` value without reading its bytes; nil for any other string (which may still be
    /// a well-known key spelled by someone else: `entry(_:count:)` finds those by their bytes).
    ///
    /// The decoder hands out the table's strings, so the later readers of a decoded key (the
    /// normalizer's alias index, the payload's key codes) find it with two multiplies and one
    /// comparison. Equal bits are the same text: a string of up to 15 bytes keeps its bytes in its
    /// bits, and a longer one's bits name its storage, which this table holds for the life of the
    /// process, so it is never freed, reused or changed.
    @inline(__always)
    func entry(identicalTo key: String) -> Int? {
        entry(identicalTo: StringBits(key))
    }

    @inline(__always)
    private func entry(identicalTo bits: StringBits) -> Int? {
        var slot = bits.slot(shift: slotShift)
        while true {
            let entry = Int(identitySlots[slot]) - 1
            if entry < 0 { return nil }
            if identities[entry] == bits { return entry }
            slot = (slot + 1) & slotMask
        }
    }

    /// `entry(identicalTo:)` of each attribute's key in turn, with the attribute's position, until
    /// `body` returns false. The key's bits are read where the attribute lies: reading the `String`
    /// out of the array retained and released it (and the value beside it), in loops that run for
    /// every attribute of every span.
    @inline(__always)
    func forEachKey(of attributes: [Attribute], _ body: (_ position: Int, _ entry: Int?) -> Bool) {
        attributes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let keys = UnsafeRawPointer(base) + Self.keyOffset
            for position in 0..<buffer.count {
                let words = keys.load(fromByteOffset: position &* MemoryLayout<Attribute>.stride, as: (UInt64, UInt64).self)
                guard body(position, entry(identicalTo: StringBits(low: words.0, high: words.1))) else { return }
            }
        }
    }

    private static let keyOffset = MemoryLayout<Attribute>.offset(of: \.key)!

    /// The shared string for these bytes, or nil when they are not a well-known key.
    @inline(__always)
    func lookup(_ start: UnsafeRawPointer, count: Int) -> String? {
        entry(start, count: count).map { strings[$0] }
    }

    /// The table position of these bytes (an index into `keys`), or nil when they are not a
    /// well-known key.
    @inline(__always)
    func entry(_ start: UnsafeRawPointer, count: Int) -> Int? {
        guard count >= minLength, count <= maxLength else { return nil }
        let hash = ByteHash.hash(start, count: count)
        var slot = Int(truncatingIfNeeded: hash >> slotShift)
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { return nil }
            if hashes[entry] == hash, lengths[entry] == count,
               storage.withUnsafeBytes({ ByteHash.equal($0.baseAddress! + offsets[entry], start, count: count) }) {
                return entry
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// The keys in table order.
    var keys: [String] { strings }
}

/// The two words of a `String` value, compared and hashed as integers (see
/// `WellKnownKeys.entry(identicalTo:)`).
struct StringBits: Equatable {
    let low: UInt64
    let high: UInt64

    @inline(__always)
    init(_ string: String) {
        (low, high) = unsafeBitCast(string, to: (UInt64, UInt64).self)
    }

    @inline(__always)
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    @inline(__always)
    func slot(shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) >> shift)
    }
}
