/// What the store knows about one trace, kept up to date span by span so listing traces never
/// walks the spans. A class: the store updates it in place through its dictionary, never copying
/// it (or its attribution graph) out and back.
final class TraceEntry {
    /// Creation order among traces; tells a live entry from a stale position in the trace order.
    var generation: UInt64
    /// Oldest and newest stored span of the trace (sequence numbers in the ring).
    var firstSequence: UInt64
    var lastSequence: UInt64
    var storedSpans = 0
    var rootName: String?
    var service: String
    var firstSpanName: String
    var startTimeUnixNano: UInt64
    var endTimeUnixNano: UInt64
    var cost = Money.zero
    var inputTokens: Int64 = 0
    var outputTokens: Int64 = 0
    /// The root's attribution once it has arrived, else the first attributed span's: its index
    /// in the graph's table of the trace's attributions.
    private var attributionIndex: UInt16 = 0
    /// The trace's models and providers, usually lists shared with other entries (see
    /// `SharedLists`); the bytes of lists the entry holds alone.
    private var modelList: SharedList<String>?
    private var providerList: SharedList<String>?
    private var ownModelBytes: Int32 = 0
    private var ownProviderBytes: Int32 = 0
    var errors = 0
    var policyViolations = 0
    var evalFailures = 0
    var graph = AttributionGraph()

    static let maxModels = 8
    /// A span's slot when it has no model (or provider).
    static let noSlot: UInt8 = 0
    /// A span's slot when its model (or provider) was not kept: the trace already had `maxModels`.
    static let notKept: UInt8 = .max

    /// Estimated bytes of one entry: the object, its dictionary slot (with the table's spare room)
    /// and its place in the trace order. Its graph and own lists come on top (`heapBytes`).
    static let estimatedBytes = 240 + (16 + 8) * 4 / 3 + 24

    /// Bytes the entry holds beyond `estimatedBytes`: its attribution graph and the lists of models
    /// and providers it does not share.
    var heapBytes: Int { graph.estimatedBytes + Int(ownModelBytes) + Int(ownProviderBytes) }

    /// The root's attribution once it has arrived, else the first attributed span's.
    var attribution: Attribution { graph.attribution(at: attributionIndex) }

    var models: [String] { modelList?.elements ?? [] }
    var providers: [String] { providerList?.elements ?? [] }

    init(generation: UInt64, firstSequence: UInt64, lastSequence: UInt64, service: String, firstSpanName: String,
         startTimeUnixNano: UInt64, endTimeUnixNano: UInt64) {
        self.generation = generation
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
        self.service = service
        self.firstSpanName = firstSpanName
        self.startTimeUnixNano = startTimeUnixNano
        self.endTimeUnixNano = endTimeUnixNano
    }

    /// Counts the span into the trace; returns where its model and provider are kept. `effective`
    /// is the span's index in the graph's attribution table; a model or provider the trace did not
    /// have yet extends its list to a shared one.
    func add(_ span: StoredSpan, name: String, facts: GovernanceFacts, effective: UInt16, sequence: UInt64,
             lists: inout SharedLists<String>) -> (model: UInt8, provider: UInt8) {
        lastSequence = sequence
        storedSpans += 1
        startTimeUnixNano = min(startTimeUnixNano, span.startTimeUnixNano)
        endTimeUnixNano = max(endTimeUnixNano, span.endTimeUnixNano)
        cost += span.cost
        inputTokens += Int64(span.inputTokens)
        outputTokens += Int64(span.outputTokens)
        if span.flags.contains(.error) { errors += 1 }
        policyViolations += Int(span.policyViolations)
        evalFailures += Int(span.evalFailures)
        if span.parentSpanID.isNone {
            rootName = name
            service = span.origin.service
            if effective != 0 { attributionIndex = effective }
        } else if attributionIndex == 0 {
            attributionIndex = effective
        }
        return (TraceEntry.slot(of: facts.model, in: &modelList, ownBytes: &ownModelBytes, lists: &lists),
                TraceEntry.slot(of: facts.provider, in: &providerList, ownBytes: &ownProviderBytes, lists: &lists))
    }

    /// The 1-based position of `value` in `list`, adding it while there is room.
    private static func slot(of value: String?, in list: inout SharedList<String>?, ownBytes: inout Int32,
                             lists: inout SharedLists<String>) -> UInt8 {
        guard let value else { return noSlot }
        let elements = list?.elements ?? []
        if let index = elements.firstIndex(of: value) { return UInt8(index + 1) }
        guard elements.count < maxModels else { return notKept }
        let extended = lists.appending(value, to: list)
        list = extended.list
        ownBytes = Int32(clamping: extended.ownBytes)
        return UInt8(elements.count + 1)
    }

    /// The model or provider kept in a slot; nil for `noSlot`.
    private static func value(in list: [String], slot: UInt8) -> String? {
        slot == noSlot ? nil : list[Int(slot) - 1]
    }

    /// The facts a move of one of the trace's spans needs — its model, provider and service — from
    /// what the store kept, without decoding it again; nil when the entry did not keep them.
    func dimensionFacts(of span: StoredSpan) -> GovernanceFacts? {
        guard span.modelSlot != TraceEntry.notKept, span.providerSlot != TraceEntry.notKept else { return nil }
        return GovernanceFacts { facts in
            facts.service = span.origin.service
            facts.model = TraceEntry.value(in: models, slot: span.modelSlot)
            facts.provider = TraceEntry.value(in: providers, slot: span.providerSlot)
        }
    }

    /// From the earliest start to the latest end; 0 when the times are inverted.
    var durationNanos: UInt64 { SpanRecord.durationNanos(start: startTimeUnixNano, end: endTimeUnixNano) }

    func summary(id: TraceID) -> TraceSummary {
        TraceSummary(
            traceID: id,
            rootName: rootName ?? firstSpanName,
            service: service,
            startTimeUnixNano: startTimeUnixNano,
            durationNanos: durationNanos,
            spanCount: storedSpans,
            costUSD: cost.usd,
            inputTokens: inputTokens,
            outputTokens: outputTokens,
            attribution: attribution,
            models: models,
            providers: providers,
            errors: errors,
            policyViolations: policyViolations,
            evalFailures: evalFailures,
            hasRoot: rootName != nil
        )
    }
}
