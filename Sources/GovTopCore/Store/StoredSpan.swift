/// A span as the store holds it: fixed fields inline, the variable part as a compact payload,
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
    var name: String
    var origin: SpanOrigin
    var payload: [UInt8]
    /// Cost in nano-dollars (reported or estimated; at most `ValueBounds.maxSpanCostUSD`, so 64 bits
    /// hold it); 0 when none.
    var costNanos: Int64
    var inputTokens: UInt32
    var outputTokens: UInt32
    var cachedInputTokens: UInt32
    var reasoningTokens: UInt32
    var policyViolations: UInt8
    var evalFailures: UInt8
    /// GenOps accounting and SLA: which of them the span reported (see `GenOpsFlags`) and its
    /// reserved and actual amounts (nano-dollars or tokens), so moves subtract exactly what was added.
    var genops: GenOpsFlags = []
    var accountingReserved: Int64 = 0
    var accountingActual: Int64 = 0
    var kind: SpanKind
    var statusCode: StatusCode
    var flags: SpanFlags
    /// Where the span's model and provider sit in its trace entry's `models` and `providers`
    /// (see `TraceEntry.slot`), so a move can name them without decoding the span again.
    var modelSlot: UInt8 = TraceEntry.noSlot
    var providerSlot: UInt8 = TraceEntry.noSlot
    /// Sequence number of the next span of the same trace in arrival order, or `noNext`.
    var nextInTrace: UInt64 = StoredSpan.noNext

    static let noNext = UInt64.max

    init(record: SpanRecord, facts: GovernanceFacts, cost: SpanCost, payload: [UInt8],
         origin: SpanOrigin, receivedAt: UInt64) {
        traceID = record.traceID
        spanID = record.spanID
        parentSpanID = record.parentSpanID
        startTimeUnixNano = record.startTimeUnixNano
        endTimeUnixNano = record.endTimeUnixNano
        self.receivedAt = receivedAt
        name = record.name
        self.origin = origin
        self.payload = payload
        kind = record.kind
        statusCode = record.statusCode
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

    /// Heap bytes this span holds beyond its slot in the ring (the payload buffer and a long name
    /// that was not interned).
    var heapBytes: Int {
        StoredSpan.mallocSize(32 + payload.count)
            + (flags.contains(.sharedName) || name.utf8.count <= 15 ? 0 : StoredSpan.mallocSize(32 + name.utf8.count))
    }

    /// The span back in model form, for the API and the trace detail view.
    var record: SpanRecord {
        var record = SpanRecord(traceID: traceID, spanID: spanID, parentSpanID: parentSpanID, name: name, kind: kind,
                                startTimeUnixNano: startTimeUnixNano, endTimeUnixNano: endTimeUnixNano, statusCode: statusCode)
        SpanPayload.decode(payload, into: &record)
        return record
    }

    /// The span's facts read again from its payload, outside the engine's lock: for the trace
    /// detail's invalid-value marks, and for a move of a span whose model or provider its trace
    /// entry did not keep (a trace with more than `TraceEntry.maxModels` of them).
    var decodedFacts: GovernanceFacts {
        Normalizer.facts(for: record, resource: origin.resourceFacts, service: origin.service)
    }

    /// malloc rounds requests up to 16 bytes and adds an 8-byte header.
    static func mallocSize(_ bytes: Int) -> Int { (bytes + 8 + 15) & ~15 }
}

/// Yes/no facts about a stored span.
struct SpanFlags: OptionSet {
    let rawValue: UInt8
    static let aiRequest = SpanFlags(rawValue: 1)
    static let error = SpanFlags(rawValue: 2)
    static let reportedCost = SpanFlags(rawValue: 4)
    static let estimatedCost = SpanFlags(rawValue: 8)
    static let unpriced = SpanFlags(rawValue: 16)
    static let sharedName = SpanFlags(rawValue: 32)
}
