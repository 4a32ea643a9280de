/// The bytes one trace request may cost while it is decoded and prepared for ingest, and the
/// running count of what the decoder has allocated against them.
///
/// The decoders charge every allocation before they make it: each array buffer (its element
/// stride times its capacity, plus a block header), each heap string and byte value (its length
/// plus a header), and for each span and resource what the engine allocates to prepare it (see
/// `DecodeCost`). A charge that goes past `limit` throws the `.allocationLimit` decode error, so a
/// small body that would decode into a huge batch (millions of empty messages) is refused before
/// its memory exists. The figures are a conservative estimate, not a measurement: malloc's own
/// rounding and the stores' later growth are outside it.
///
/// One allowance belongs to one decode on one thread. It is a handle on a counter in raw
/// memory, not a class: the decoders copy it into every level, and a class reference would cost a
/// retain and a release at each charge. Whoever makes one calls `deallocate()` when the decode is
/// over (the decoders' entry points do).
struct DecodeAllowance {
    let limit: Int
    private let remaining: UnsafeMutablePointer<Int>

    init(limit: Int) {
        self.limit = min(max(limit, 0), DecodeLimits.largestAllowance)
        remaining = .allocate(capacity: 1)
        remaining.initialize(to: self.limit)
    }

    /// Frees the counter; the allowance (and its copies) must not be used after.
    func deallocate() {
        remaining.deallocate()
    }

    /// Bytes charged so far.
    var charged: Int { limit - remaining.pointee }

    /// Charges `bytes`; throws once the total passes the limit.
    @inline(__always)
    func charge(_ bytes: Int) throws(OTLPDecodeError) {
        let left = remaining.pointee &- bytes
        remaining.pointee = left
        if left < 0 { throw exceeded() }
    }

    /// Charges an array buffer of `count` more elements of `Element` (nothing for none).
    @inline(__always)
    func charge<Element>(_ count: Int, of _: Element.Type) throws(OTLPDecodeError) {
        guard count > 0 else { return }
        try charge(DecodeCost.arrayBuffer(count, of: Element.self))
    }

    /// Reserves room for `count` more elements, after charging it.
    @inline(__always)
    func reserve<Element>(_ count: Int, in array: inout [Element]) throws(OTLPDecodeError) {
        guard count > 0 else { return }
        try charge(count, of: Element.self)
        array.reserveCapacity(array.count + count)
    }

    /// Appends `element`, charging the larger buffer first when the array has to grow (Swift
    /// doubles it). The buffer it replaces is not credited back: while the elements are copied
    /// both exist.
    @inline(__always)
    func append<Element>(_ element: Element, to array: inout [Element]) throws(OTLPDecodeError) {
        if array.count == array.capacity {
            try charge(max(array.capacity * 2, 1), of: Element.self)
        }
        array.append(element)
    }

    /// Charges a heap string of `utf8Count` bytes; Swift keeps up to 15 bytes inline, for free.
    @inline(__always)
    func chargeString(_ utf8Count: Int) throws(OTLPDecodeError) {
        if utf8Count > DecodeCost.inlineStringBytes { try charge(utf8Count &+ DecodeCost.stringHeader) }
    }

    private func exceeded() -> OTLPDecodeError {
        OTLPDecodeError(
            "decoded request would need more than \(limit) bytes of memory (the limit for this request); send smaller batches",
            kind: .allocationLimit(limit))
    }
}

/// What the decoders charge for what they build: conservative estimates from the types' strides.
enum DecodeCost {
    /// Header of a Swift array buffer (object header, count, capacity) plus malloc's chunk header.
    static let blockHeader = 48
    /// A native string's header, its terminating NUL and malloc's rounding and chunk header.
    static let stringHeader = 64
    /// A class instance's header (metadata and reference counts, 16 bytes) plus malloc's chunk
    /// header and rounding.
    static let objectHeader = 32
    /// Longest string Swift stores inline (no allocation) on 64-bit platforms.
    static let inlineStringBytes = 15

    /// Per span, what the engine allocates to ingest it on top of the decoded `SpanRecord`: the
    /// prepared span (an object holding the span's stored fields and name, facts, cost and rule
    /// results, with its reference in the batch), the facts' fields in their own box, the batch's
    /// parent-first order (an index entry of 32 bytes in a dictionary kept under 75% full, a depth,
    /// a position and the sort's scratch: at most 96 bytes), and the stored payload's block header.
    /// The payload's bytes are charged separately, by the span's encoded size.
    static let spanPreparation = objectHeader + MemoryLayout<StoredSpan>.stride + MemoryLayout<String>.stride
        + MemoryLayout<GovernanceFacts>.stride
        + MemoryLayout<SpanCost>.stride + 3 * MemoryLayout<[Int]>.stride + MemoryLayout<AWUVerdict>.stride + 8
        + objectHeader + MemoryLayout<GovernanceFacts.Fields>.stride
        + 96 + 64 + blockHeader
    /// Per `ResourceSpans`, what the engine allocates to ingest it: its resource facts.
    static let resourcePreparation = MemoryLayout<FactValues>.stride + blockHeader + 256
    /// Per `ScopeSpans`, its group in the prepared batch, the group's origin (an object holding the
    /// resource, the scope, the service name, a copy of the resource facts and a counter) and the
    /// parent-first order of its spans.
    static let scopePreparation = MemoryLayout<PreparedGroup>.stride + 2 * blockHeader
        + objectHeader + MemoryLayout<Resource>.stride + MemoryLayout<InstrumentationScope>.stride
        + MemoryLayout<String>.stride + MemoryLayout<FactValues>.stride + 16

    @inline(__always)
    static func arrayBuffer<Element>(_ count: Int, of _: Element.Type) -> Int {
        count &* MemoryLayout<Element>.stride &+ blockHeader
    }
}
