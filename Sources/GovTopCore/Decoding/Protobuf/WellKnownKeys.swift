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
    }

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
