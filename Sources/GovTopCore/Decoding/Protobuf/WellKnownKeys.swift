/// A fixed table of attribute keys (and event names) that recur in nearly every span, looked up
/// by their raw UTF-8 bytes so that the decoder can hand out one shared `String` instead of
/// validating and allocating a new one for every occurrence.
///
/// Only keys of 8 bytes or more are in the table: shorter ones are cheap small strings anyway,
/// and the hash reads the first and last eight bytes of the candidate.
final class WellKnownKeys: Sendable {
    static let shared = WellKnownKeys(keys: WellKnownKeys.catalog)

    private struct Entry {
        var hash: UInt64
        var string: String
        var bytes: [UInt8]
    }

    private let entries: [Entry]
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
        var entries: [Entry] = []
        for key in unique {
            let bytes = Array(key.utf8)
            let hash = bytes.withUnsafeBytes { Self.hash($0.baseAddress!, count: bytes.count) }
            var slot = Int(truncatingIfNeeded: hash >> (64 - slotBits))
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            entries.append(Entry(hash: hash, string: key, bytes: bytes))
            slots[slot] = UInt16(entries.count)
        }
        self.entries = entries
        self.slots = slots
        self.slotShift = 64 - slotBits
        self.slotMask = slots.count - 1
        self.minLength = unique.map(\.utf8.count).min() ?? 8
        self.maxLength = unique.map(\.utf8.count).max() ?? 0
    }

    /// The shared string for these bytes, or nil when they are not a well-known key.
    @inline(__always)
    func lookup(_ start: UnsafeRawPointer, count: Int) -> String? {
        guard count >= minLength, count <= maxLength else { return nil }
        let hash = Self.hash(start, count: count)
        var slot = Int(truncatingIfNeeded: hash >> slotShift)
        while true {
            let index = Int(slots[slot])
            if index == 0 { return nil }
            let entry = entries[index - 1]
            if entry.hash == hash, entry.bytes.count == count,
               entry.bytes.withUnsafeBytes({ Self.equal($0.baseAddress!, start, count: count) }) {
                return entry.string
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// Compares `count` (at least 8) bytes eight at a time; the last word may overlap the previous one.
    @inline(__always)
    private static func equal(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset < count - 8 {
            if lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        return lhs.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == rhs.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    /// Mixes the length with the first and last eight bytes; `count` must be at least 8.
    @inline(__always)
    private static func hash(_ start: UnsafeRawPointer, count: Int) -> UInt64 {
        let head = start.loadUnaligned(as: UInt64.self)
        let tail = start.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        var mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &+ UInt64(truncatingIfNeeded: count))
        mixed = (mixed ^ (mixed >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 29)
    }
}
