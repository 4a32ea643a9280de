/// The position of each span of one batch by its trace and span id, for `PreparedBatch.parentsFirst`.
///
/// An open-addressing table of positions, hashed by a multiply-and-shift mix of the three id words
/// with a seed drawn once per process: cheaper than `Dictionary`'s SipHash (which was most of the
/// cost of ordering a batch), and a sender who does not know the seed cannot aim ids at one slot.
/// Should a probe still run longer than `maxProbes`, the index falls back to a `Dictionary`, so no
/// batch costs more than O(spans × maxProbes) to index.
struct SpanPositionIndex {
    private struct Key: Hashable {
        let trace: TraceID
        let span: SpanID
    }

    private enum Storage {
        /// Positions plus one (0: empty slot), `mask + 1` of them.
        case open(slots: [Int32], mask: Int)
        case dictionary([Key: Int])
    }

    static let processSeed = UInt64.random(in: .min ... .max)
    static let maxProbes = 32

    private let storage: Storage
    private let seed: UInt64

    /// Indexes `spans`; a later span with the ids of an earlier one takes its place.
    init(_ spans: UnsafeBufferPointer<SpanRecord>, seed: UInt64 = processSeed, maxProbes: Int = maxProbes) {
        self.seed = seed
        let capacity = max(4, (2 * spans.count).nextPowerOfTwo)
        let mask = capacity - 1
        var slots = [Int32](repeating: 0, count: capacity)
        var overflowed = spans.count >= Int(Int32.max)
        for position in spans.indices where !overflowed {
            var slot = Self.hash(spans[position].traceID, spans[position].spanID, seed: seed) & mask
            var probes = 0
            while slots[slot] != 0 && !Self.same(spans[Int(slots[slot]) - 1], spans[position]) {
                probes += 1
                if probes > maxProbes { overflowed = true; break }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(position + 1)
        }
        if overflowed {
            var index: [Key: Int] = [:]
            index.reserveCapacity(spans.count)
            for position in spans.indices { index[Key(trace: spans[position].traceID, span: spans[position].spanID)] = position }
            storage = .dictionary(index)
        } else {
            storage = .open(slots: slots, mask: mask)
        }
    }

    /// Whether the table fell back to a dictionary (tests).
    var isDictionary: Bool {
        if case .dictionary = storage { return true }
        return false
    }

    /// The position of the span with these ids among `spans` (the same buffer the index was built from).
    func position(trace: TraceID, span: SpanID, in spans: UnsafeBufferPointer<SpanRecord>) -> Int? {
        switch storage {
        case .dictionary(let index):
            return index[Key(trace: trace, span: span)]
        case .open(let slots, let mask):
            var slot = Self.hash(trace, span, seed: seed) & mask
            while slots[slot] != 0 {
                let position = Int(slots[slot]) - 1
                if spans[position].spanID == span && spans[position].traceID == trace { return position }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private static func same(_ a: SpanRecord, _ b: SpanRecord) -> Bool {
        a.spanID == b.spanID && a.traceID == b.traceID
    }

    /// Each word folded into the seed with a multiplication by an odd constant and a shift, then
    /// a final mix, so every bit of the three words reaches the slot's bits.
    @inline(__always)
    private static func hash(_ trace: TraceID, _ span: SpanID, seed: UInt64) -> Int {
        @inline(__always) func fold(_ state: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
            return mixed ^ (mixed >> 29)
        }
        var state = fold(fold(fold(seed, trace.high), trace.low), span.value)
        state = (state ^ (state >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: state ^ (state >> 32))
    }
}

private extension Int {
    /// The smallest power of two not below this (positive) number.
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
