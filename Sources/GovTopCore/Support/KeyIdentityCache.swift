/// Values of the keys looked up lately, found by the key's identity rather than its text: a
/// `String`'s 16 bytes are the text itself up to 15 UTF-8 bytes, else its count and a reference
/// to its buffer. Two strings with the same 16 bytes are the same text, so a hit is two integer
/// comparisons, where comparing strings costs a call each time they differ and finding one in a
/// dictionary costs a hash of its text. The cache keeps each key it holds, so a buffer it refers
/// to is never freed and reused for other text while its slot names it.
///
/// A miss says nothing: the same text may sit in another buffer (each request's decoder makes its
/// own), and canonically equivalent spellings have different bytes. The caller then finds the value
/// the slow way and remembers it; the cache never decides what a key means.
///
/// Memory: the keys it keeps alive are group values (at most `ValueBounds.maxGroupValueBytes`,
/// 256 bytes, ~300 with a buffer's header), so one cache pins under 40 KB whatever the input. The
/// engine has at most 19 (nine group tables, the spend series, one per scoped budget dimension): a
/// fixed ~0.7 MB outside the store's memory estimate.
struct KeyIdentityCache<Value: Sendable>: Sendable {
    /// Two ways of 64 sets: a key may sit in either slot of its set, so a few dozen keys that share
    /// a batch (50 customers, say) rarely push each other out.
    private static var setBits: Int { 6 }
    private var identities = InlineArray<128, KeyIdentity>(repeating: KeyIdentity(low: 0, high: 0))
    private var keys = InlineArray<128, String>(repeating: "")
    private var values: InlineArray<128, Value?>
    /// Per set, the way `remember` replaces next.
    private var victims = InlineArray<64, UInt8>(repeating: 0)

    init() {
        values = InlineArray(repeating: nil)
    }

    /// The value remembered for this very key (same bytes or same buffer), if any. (Mutating only
    /// so that the cache is used in place: a read-only call copied all of its slots first.)
    @inline(__always)
    mutating func value(for key: String) -> Value? {
        value(for: KeyIdentity(key))
    }

    /// The value remembered for a key given by its identity alone (a key that is two integers).
    @inline(__always)
    mutating func value(for identity: KeyIdentity) -> Value? {
        let first = identity.set(bits: Self.setBits) << 1
        if identities[first] == identity { return values[first] }
        if identities[first + 1] == identity { return values[first + 1] }
        return nil
    }

    /// Remembers a key's value in its set, in a free way or else in the way used least lately.
    @inline(__always)
    mutating func remember(_ value: Value, for key: String) {
        remember(value, for: KeyIdentity(key), keeping: key)
    }

    /// Remembers a key's value by its identity; `key` is the string the identity refers to, kept so
    /// that its buffer outlives the slot ("" for a key that is two integers).
    @inline(__always)
    mutating func remember(_ value: Value, for identity: KeyIdentity, keeping key: String = "") {
        let set = identity.set(bits: Self.setBits)
        let way = values[(set << 1)] == nil ? 0 : values[(set << 1) + 1] == nil ? 1 : Int(victims[set])
        let slot = (set << 1) + way
        identities[slot] = identity
        keys[slot] = key
        values[slot] = value
        victims[set] = UInt8(1 - way)
    }
}

/// A string's 16 bytes (see `KeyIdentityCache`).
struct KeyIdentity: Equatable, Sendable {
    let low: UInt64
    let high: UInt64

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    @inline(__always)
    init(_ key: String) {
        (low, high) = unsafeBitCast(key, to: (UInt64, UInt64).self)
    }

    @inline(__always)
    func set(bits: Int) -> Int {
        let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - bits))
    }
}
