/// A decoded span with its facts, cost and compact payload worked out before the engine's lock is
/// taken.
struct PreparedSpan {
    let record: SpanRecord
    let facts: GovernanceFacts
    let cost: SpanCost
    let payload: [UInt8]

    init(record: SpanRecord, resourceFacts: FactValues, service: String) {
        self.record = record
        facts = Normalizer.facts(for: record, resource: resourceFacts, service: service)
        cost = facts.reportedTotalCost.map(SpanCost.reported) ?? .none
        payload = SpanPayload.encode(record)
    }

    func stored(origin: SpanOrigin) -> StoredSpan {
        var flags: SpanFlags = []
        if facts.isAIRequest { flags.insert(.aiRequest) }
        if facts.isError { flags.insert(.error) }
        if facts.policyViolations > 0 { flags.insert(.policyViolation) }
        if facts.evalFailures > 0 { flags.insert(.evalFailure) }
        if case .estimated = cost { flags.insert(.estimatedCost) }
        if case .unpriced = cost { flags.insert(.unpriced) }
        return StoredSpan(
            traceID: record.traceID, spanID: record.spanID, parentSpanID: record.parentSpanID,
            startTimeUnixNano: record.startTimeUnixNano, endTimeUnixNano: record.endTimeUnixNano,
            name: record.name, origin: origin, payload: payload, costUSD: cost.usd,
            inputTokens: UInt32(clamping: facts.inputTokens ?? 0), outputTokens: UInt32(clamping: facts.outputTokens ?? 0),
            kind: record.kind, statusCode: record.statusCode, flags: flags
        )
    }
}

/// The spans of one `ResourceSpans`, prepared, grouped by scope.
struct PreparedResource {
    let resource: Resource
    let groups: [(scope: InstrumentationScope, spans: [PreparedSpan])]

    init(_ resourceSpans: ResourceSpans) {
        resource = resourceSpans.resource
        let resourceFacts = FactValues(resource.attributes)
        let service = resource.serviceName
        groups = resourceSpans.scopeSpans.map { scopeSpans in
            (scopeSpans.scope, scopeSpans.spans.map { PreparedSpan(record: $0, resourceFacts: resourceFacts, service: service) })
        }
    }

    var spanCount: Int { groups.reduce(0) { $0 + $1.spans.count } }
}
