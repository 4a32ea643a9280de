/// A span as the store holds it: fixed fields inline (128 bytes), its name as an id in the
/// store's `SpanNameTable`, the variable part as a compact payload in its ring chunk's arena,
/// resource and scope shared through `SpanOrigin`, and what the span added to the ledger (so the
/// ledger can move it when a late ancestor changes its attribution).
struct StoredSpan {
    var traceID: TraceID
    var spanID: SpanID
    var parentSpanID: SpanID
    var startTimeUnixNano: UInt64
    var endTimeUnixNano: UInt64
    /// When govtop received it (its place in the rate windows).
    var receivedAt: UInt64
    /// Cost in nano-dollars (reported or estimated; at most `ValueBounds.maxSpanCostUSD`, so 64 bits
    /// hold it); 0 when none.
    var costNanos: Int64
    /// GenOps accounting: the reserved and actual amounts (nano-dollars or tokens) the span
    /// reported (see `genops`), so moves subtract exactly what was added.
    var accountingReserved: Int64 = 0
    var accountingActual: Int64 = 0
    var origin: SpanOrigin
    /// Where the payload sits in its ring chunk's arena: the offset's low 32 bits here, its next 8
    /// bits in `payloadOffsetHigh` (an arena of 256 spans stays far below 2⁴⁰ bytes).
    private var payloadOffsetLow: UInt32 = 0
    var payloadLength: UInt32 = 0
    /// The span's name in the store's `SpanNameTable`.
    var nameID: UInt32 = 0
    /// How far ahead the next span of the same trace is in arrival order (sequence numbers), or 0
    /// for none. The store holds fewer than 2³² spans, so the distance between two fits.
    private var nextDistance: UInt32 = 0
    var inputTokens: UInt32
    var outputTokens: UInt32
    var cachedInputTokens: UInt32
    var reasoningTokens: UInt32
    var policyViolations: UInt8
    var evalFailures: UInt8
    /// Which GenOps accounting and SLA facts the span reported (see `GenOpsFlags`).
    var genops: GenOpsFlags = []
    /// `SpanKind` in the low four bits, `StatusCode` in the high four.
    private var kindAndStatus: UInt8
    var flags: SpanFlags
    /// Where the span's model and provider sit in its trace entry's `models` and `providers`
    /// (see `TraceEntry.slot`), so a move can name them without decoding the span again.
    var modelSlot: UInt8 = TraceEntry.noSlot
    var providerSlot: UInt8 = TraceEntry.noSlot
    private var payloadOffsetHigh: UInt8 = 0

    /// The largest payload offset an arena may give (see `payloadOffset`).
    static let maxPayloadOffset = (1 << 40) - 1

    init(record: SpanRecord, facts: GovernanceFacts, cost: SpanCost, origin: SpanOrigin, receivedAt: UInt64) {
        traceID = record.traceID
        spanID = record.spanID
        parentSpanID = record.parentSpanID
        startTimeUnixNano = record.startTimeUnixNano
        endTimeUnixNano = record.endTimeUnixNano
        self.receivedAt = receivedAt
        self.origin = origin
        kindAndStatus = record.kind.rawValue | record.statusCode.rawValue << 4
        policyViolations = UInt8(clamping: facts.policyViolations)
        evalFailures = UInt8(clamping: facts.evalFailures)
        var flags: SpanFlags = []
        if facts.isError { flags.insert(.error) }
        if facts.isAIRequest {
            flags.insert(.aiRequest)
            inputTokens = UInt32(clamping: facts.inputTokens ?? 0)
            outputTokens = UInt32(clamping: facts.outputTokens ?? 0)
            cachedInputTokens = UInt32(clamping: facts.cachedInputTokens ?? 0)
            reasoningTokens = UInt32(clamping: facts.reasoningTokens ?? 0)
            switch cost {
            case .reported: flags.insert(.reportedCost)
            case .estimated: flags.insert(.estimatedCost)
            case .unpriced: flags.insert(.unpriced)
            case .none: break
            }
            costNanos = Int64(clamping: cost.amount.nanos)
        } else {
            inputTokens = 0
            outputTokens = 0
            cachedInputTokens = 0
            reasoningTokens = 0
            costNanos = 0
        }
        self.flags = flags
        storeAccounting(AccountingTotals(facts))
    }

    var kind: SpanKind { SpanKind(rawValue: kindAndStatus & 0x0F) ?? .unspecified }
    var statusCode: StatusCode { StatusCode(rawValue: kindAndStatus >> 4) ?? .unset }

    /// Where the payload starts in its ring chunk's arena.
    var payloadOffset: Int {
        get { Int(payloadOffsetHigh) << 32 | Int(payloadOffsetLow) }
        set {
            precondition(newValue >= 0 && newValue <= Self.maxPayloadOffset, "span payload arena beyond 2^40 bytes")
            payloadOffsetLow = UInt32(truncatingIfNeeded: newValue)
            payloadOffsetHigh = UInt8(truncatingIfNeeded: newValue >> 32)
        }
    }

    /// The sequence number of the next span of the same trace, given this span's; nil for none.
    func nextInTrace(after sequence: UInt64) -> UInt64? {
        nextDistance == 0 ? nil : sequence + UInt64(nextDistance)
    }

    /// Links this span (at `sequence`) to the next span of its trace (at `next`, fewer than 2³²
    /// places later).
    mutating func link(next: UInt64, after sequence: UInt64) {
        nextDistance = UInt32(next - sequence)
    }

    /// Exactly what this span added to the ledger.
    var contribution: Contribution {
        var contribution = Contribution()
        contribution.errors = flags.contains(.error) ? 1 : 0
        contribution.policyViolations = Int(policyViolations)
        contribution.evalFailures = Int(evalFailures)
        if !genops.isEmpty { contribution.accounting = accounting }
        guard flags.contains(.aiRequest) else { return contribution }
        contribution.requests = 1
        contribution.inputTokens = Int64(inputTokens)
        contribution.outputTokens = Int64(outputTokens)
        contribution.cachedInputTokens = Int64(cachedInputTokens)
        contribution.reasoningTokens = Int64(reasoningTokens)
        if flags.contains(.reportedCost) {
            contribution.cost = .reported(cost)
        } else if flags.contains(.estimatedCost) {
            contribution.cost = .estimated(cost)
        } else if flags.contains(.unpriced) {
            contribution.cost = .unpriced
        }
        return contribution
    }

    /// The span's cost (reported or estimated); zero when none.
    var cost: Money { Money(nanos: Int128(costNanos)) }
}

/// Yes/no facts about a stored span.
struct SpanFlags: OptionSet {
    let rawValue: UInt8
    static let aiRequest = SpanFlags(rawValue: 1)
    static let error = SpanFlags(rawValue: 2)
    static let reportedCost = SpanFlags(rawValue: 4)
    static let estimatedCost = SpanFlags(rawValue: 8)
    static let unpriced = SpanFlags(rawValue: 16)
}
