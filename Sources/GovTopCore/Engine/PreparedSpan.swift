/// A decoded span with its facts, cost and compact payload worked out before the engine's lock is
/// taken.
struct PreparedSpan {
    let record: SpanRecord
    let facts: GovernanceFacts
    let cost: SpanCost
    let payload: [UInt8]

    init(record: SpanRecord, resourceFacts: FactValues, service: String, estimator: CostEstimator?) {
        self.record = record
        if let estimator {
            facts = Normalizer.facts(for: record, resource: resourceFacts, service: service)
            cost = PreparedSpan.cost(of: facts, estimator: estimator)
        } else {
            var plain = GovernanceFacts()
            plain.service = service
            facts = plain
            cost = .none
        }
        payload = SpanPayload.encode(record)
    }

    /// A reported cost wins; else tokens × the pricing table; tokens of an unknown model (or of no
    /// model) are unpriced, never $0.
    static func cost(of facts: GovernanceFacts, estimator: CostEstimator) -> SpanCost {
        if let reported = facts.reportedTotalCost { return .reported(reported) }
        guard facts.inputTokens != nil || facts.outputTokens != nil else { return .none }
        guard let model = facts.model else { return .unpriced }
        let usage = TokenUsage(input: facts.inputTokens ?? 0, output: facts.outputTokens ?? 0,
                               cachedInput: facts.cachedInputTokens ?? 0, cacheWrite: facts.cacheWriteInputTokens ?? 0,
                               reasoning: facts.reasoningTokens ?? 0)
        switch estimator.estimate(model: model, provider: facts.provider, usage: usage) {
        case .priced(let usd): return .estimated(usd)
        case .unpriced: return .unpriced
        }
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

    /// With no estimator, governance is off: spans are prepared for storage only.
    init(_ resourceSpans: ResourceSpans, estimator: CostEstimator?) {
        resource = resourceSpans.resource
        let resourceFacts = FactValues(resource.attributes)
        let service = resource.serviceName
        groups = resourceSpans.scopeSpans.map { scopeSpans in
            (scopeSpans.scope, PreparedResource.parentsFirst(scopeSpans.spans).map {
                PreparedSpan(record: $0, resourceFacts: resourceFacts, service: service, estimator: estimator)
            })
        }
    }

    /// Orders spans so that a parent in the same batch comes before its children. Exporters send
    /// children first (they end first); counting the parent first lets the children inherit its
    /// attribution at once, so the fixed labels of the Prometheus counters are right too.
    static func parentsFirst(_ spans: [SpanRecord]) -> [SpanRecord] {
        guard spans.count > 1 else { return spans }
        struct Key: Hashable { let trace: TraceID; let span: SpanID }
        var index: [Key: Int] = [:]
        for (position, span) in spans.enumerated() { index[Key(trace: span.traceID, span: span.spanID)] = position }
        var depth = [Int](repeating: -1, count: spans.count)
        for start in spans.indices where depth[start] < 0 {
            // Walk up to the first ancestor of known depth (or outside the batch), then fill in.
            var path: [Int] = []
            var current: Int? = start
            while let position = current, depth[position] < 0, path.count <= spans.count {
                path.append(position)
                let span = spans[position]
                current = span.parentSpanID.isNone ? nil : index[Key(trace: span.traceID, span: span.parentSpanID)]
            }
            var base = current.map { depth[$0] } ?? -1
            if base < 0 { base = -1 }
            for position in path.reversed() {
                base += 1
                depth[position] = base
            }
        }
        return spans.indices.sorted { (depth[$0], $0) < (depth[$1], $1) }.map { spans[$0] }
    }

    var spanCount: Int { groups.reduce(0) { $0 + $1.spans.count } }
}
