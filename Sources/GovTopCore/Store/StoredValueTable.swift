#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The string values that stored payloads refer to by a small id instead of spelling them out:
/// values of keys whose values are enumerations by nature (operation, provider, model, server,
/// currency, finish reasons, the attribution dimensions that name a team or a project, …; see
/// `StoredKeyCodes.hasEnumeratedValues`). A typical GenAI span repeats a handful of them.
///
/// The table is append-only — an id never changes meaning, so a payload written earlier always
/// decodes to the same string — and bounded: at most `capacity` values of 2 to `maxValueBytes`
/// UTF-8 bytes each. A value it cannot take (too short to gain, too long, or the table full) is
/// spelled out as before; either way the payload decodes to the same span.
///
/// One table serves the whole process (`shared`): ingest encodes payloads on every event loop
/// before the engine's lock, and readers decode copied payloads after it. Adding a value takes the
/// table's lock; reading one takes none: the values live in slots allocated once for the table's
/// capacity (so they never move), a slot is written before the count that covers it is published
/// (release), and a reader reads only below the count it loaded (acquire). An attribute filter that
/// decodes a million stored spans no longer takes a lock per coded value.
///
/// It is not part of any store's memory estimate (it is shared by every store of the process, and
/// bounded): at its cap, with every value 64 bytes long, `bytes` is ~0.69 MB (460 KB of string
/// buffers, 64 KB of slots, ~160 KB of dictionary); with typical values of up to 15 bytes, which
/// live inline, ~0.23 MB.
final class StoredValueTable: @unchecked Sendable { // slots: written under `state`'s lock, read below `published`
    static let shared = StoredValueTable(capacity: 4_096)

    /// The longest value coded, in UTF-8 bytes.
    static let maxValueBytes = 64

    /// Values held at most.
    let capacity: Int

    private struct State {
        var ids: [Spelling: UInt32] = [:]
        /// Heap bytes of the values themselves (values of up to 15 bytes live inline).
        var valueBytes = 0
    }

    private let state: Mutex<State>
    /// The values by id; slots below `published` are initialized and never change.
    private let slots: UnsafeMutablePointer<String>
    private let published = Atomic<Int>(0)

    init(capacity: Int) {
        precondition(capacity >= 0 && capacity <= Int(UInt32.max), "a value id must fit 32 bits")
        self.capacity = capacity
        state = Mutex(State())
        slots = .allocate(capacity: max(capacity, 1))
    }

    deinit {
        slots.deinitialize(count: published.load(ordering: .acquiring))
        slots.deallocate()
    }

    /// Whether a value of this length is worth a code: from 2 bytes on, the tag and an id below
    /// 16,384 (two varint bytes) never take more room than the tag, length and bytes.
    @inline(__always)
    static func codes(length: Int) -> Bool { length >= 2 && length <= maxValueBytes }

    /// The value's id, adding it when it is new and there is room; nil when it is not coded.
    func id(of value: String) -> UInt32? {
        guard Self.codes(length: value.utf8.count) else { return nil }
        return state.withLock { state -> UInt32? in
            if let id = state.ids[Spelling(value)] { return id }
            let count = published.load(ordering: .relaxed) // only changed under this lock
            guard count < capacity else { return nil }
            (slots + count).initialize(to: value)
            published.store(count + 1, ordering: .releasing)
            state.ids[Spelling(value)] = UInt32(count)
            state.valueBytes += StringHeap.bytes(value)
            return UInt32(count)
        }
    }

    /// Whether two strings have the same UTF-8 bytes. `String`'s own `==` is canonical
    /// equivalence ("é" precomposed equals "e" and a combining accent; "\u{212A}", the Kelvin
    /// sign, equals "K"), and a payload must decode to the very bytes it was given.
    @inline(__always)
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { one in
            second.withUTF8 { other in
                one.count == other.count && (one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0)
            }
        }
    }

    /// A value as a dictionary key: equal and hashed by its bytes (see `sameBytes`).
    private struct Spelling: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        static func == (lhs: Spelling, rhs: Spelling) -> Bool { StoredValueTable.sameBytes(lhs.text, rhs.text) }

        /// The bytes in one call (a native string's are contiguous); a call per byte was most of a
        /// lookup's time for a long value.
        func hash(into hasher: inout Hasher) {
            if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
            }
        }
    }

    /// The value with this id (the table's shared copy), without a lock. Only ids this table handed
    /// out are valid.
    func value(_ id: UInt32) -> String {
        precondition(Int(id) < published.load(ordering: .acquiring), "a value id this table did not hand out")
        return slots[Int(id)]
    }

    /// Values held.
    var count: Int { published.load(ordering: .acquiring) }

    /// Estimated bytes: the slots, the dictionary's room (a slot is its key and value at the
    /// table's load factor) and the values' heap buffers.
    var bytes: Int {
        state.withLock { state in
            max(capacity, 1) * MemoryLayout<String>.stride
                + state.ids.capacity * (MemoryLayout<Spelling>.stride + 4) * 4 / 3 + state.valueBytes
        }
    }
}
