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

    func stored(origin: SpanOrigin, receivedAt: UInt64) -> StoredSpan {
        StoredSpan(record: record, facts: facts, cost: cost, extraViolations: 0, payload: payload,
                   origin: origin, receivedAt: receivedAt)
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
