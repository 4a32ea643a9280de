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
    /// The root's attribution once it has arrived, else the first attributed span's.
    var attribution = Attribution()
    var models: [String] = []
    var providers: [String] = []
    var errors = 0
    var policyViolations = 0
    var evalFailures = 0
    var graph = AttributionGraph()

    static let maxModels = 8

    /// Estimated bytes of one entry: the object, its dictionary slot (with the table's spare room),
    /// its place in the trace order, and the models and providers arrays.
    static let estimatedBytes = 336 + (16 + 8) * 4 / 3 + 24 + 2 * 48

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

    func add(_ span: StoredSpan, facts: GovernanceFacts, effective: Attribution, sequence: UInt64) {
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
            rootName = span.name
            service = span.origin.service
            if !effective.isEmpty { attribution = effective }
        } else if attribution.isEmpty {
            attribution = effective
        }
        if let model = facts.model, !models.contains(model), models.count < TraceEntry.maxModels {
            models.append(model)
        }
        if let provider = facts.provider, !providers.contains(provider), providers.count < TraceEntry.maxModels {
            providers.append(provider)
        }
    }

    /// From the earliest start to the latest end; 0 when the times are inverted.
    var durationNanos: UInt64 { endTimeUnixNano >= startTimeUnixNano ? endTimeUnixNano - startTimeUnixNano : 0 }

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
