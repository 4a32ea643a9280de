/// The bounded ring of spans with its trace index. Oldest spans are evicted first when either
/// limit is reached. Not thread-safe: the `Engine` owns it behind its lock.
struct SpanStore {
    let limits: StoreLimits
    private var ring: Ring<StoredSpan>
    private var traces: [TraceID: TraceEntry] = [:]
    /// Trace ids in creation order, with the generation they were created in; positions whose
    /// trace has since been removed (or re-created) are stale and skipped.
    private var traceOrder = Ring<(id: TraceID, generation: UInt64)>()
    private var nextGeneration: UInt64 = 0
    private var interner = StringInterner()
    private var origins = SpanOriginCache()
    private var originBytes = 0
    private var spanHeapBytes = 0
    private var graphBytes = 0
    private(set) var evicted = 0

    init(limits: StoreLimits) {
        self.limits = limits
        ring = Ring(maxCapacity: limits.maxSpans)
    }

    var spanCount: Int { ring.count }
    var traceCount: Int { traces.count }

    /// Estimated bytes held: ring slots, span heap buffers, trace entries, shared strings and origins.
    var bytesHeld: Int { fixedBytes + variableBytes }

    private var fixedBytes: Int {
        ring.capacity * MemoryLayout<StoredSpan?>.stride + traceOrder.capacity * 32 + interner.bytes + originBytes
    }

    private var variableBytes: Int { spanHeapBytes + graphBytes + traces.count * TraceEntry.estimatedBytes }

    /// The shared origin for spans of this resource and scope.
    mutating func origin(resource: Resource, scope: InstrumentationScope) -> SpanOrigin {
        let (origin, isNew) = origins.origin(resource: resource, scope: scope)
        if isNew { originBytes += origin.estimatedBytes }
        return origin
    }

    /// Stores a span, works out its effective attribution inside its trace, and evicts the oldest
    /// spans beyond the limits. `extraViolations` counts violations that depend on the effective
    /// attribution (local policy conditions); they are kept with the span so moves carry them.
    /// Returns the attribution, what the span adds to the ledger, and the earlier spans whose
    /// attribution changed because this span is their ancestor.
    mutating func insert(_ span: StoredSpan, facts: GovernanceFacts,
                         extraViolations: (Attribution) -> Int = { _ in 0 }) -> InsertResult {
        var span = span
        let sharedName = interner.intern(span.name)
        span.name = sharedName
        if sharedName.utf8.count > 15 { span.flags.insert(.sharedName) }
        let sequence = ring.nextSequence
        let entry: TraceEntry
        if let existing = traces[span.traceID] {
            entry = existing
            ring.update(sequence: entry.lastSequence) { $0.nextInTrace = sequence }
        } else {
            entry = TraceEntry(generation: nextGeneration, firstSequence: sequence, lastSequence: sequence,
                               service: span.origin.service, firstSpanName: span.name,
                               startTimeUnixNano: span.startTimeUnixNano, endTimeUnixNano: span.endTimeUnixNano)
            traces[span.traceID] = entry
            traceOrder.append((span.traceID, nextGeneration))
            nextGeneration += 1
        }
        let graphBefore = entry.graph.estimatedBytes
        let (effective, changes) = entry.graph.insert(
            span: span.spanID, parent: span.parentSpanID, own: facts.attribution, sequence: sequence)
        let extra = extraViolations(effective)
        if extra > 0 { span.policyViolations = UInt8(clamping: Int(span.policyViolations) + extra) }
        entry.add(span, facts: facts, effective: effective, sequence: sequence)
        graphBytes += entry.graph.estimatedBytes - graphBefore
        spanHeapBytes += span.heapBytes
        let contribution = span.contribution
        ring.append(span)
        let moves = changes.compactMap { change -> AttributionMove? in
            guard let moved = ring[sequence: change.sequence] else { return nil }
            return AttributionMove(contribution: moved.contribution, receivedAt: moved.receivedAt, old: change.old,
                                   new: change.new, facts: moved.facts)
        }
        evictBeyondLimits()
        return InsertResult(effective: effective, contribution: contribution, moves: moves)
    }

    private mutating func evictBeyondLimits() {
        while ring.count > limits.maxSpans || (ring.count > 1 && bytesHeld > limits.maxMemoryBytes) {
            evictOldest()
        }
    }

    private mutating func evictOldest() {
        guard let span = ring.removeFirst() else { return }
        evicted += 1
        spanHeapBytes -= span.heapBytes
        guard let entry = traces[span.traceID] else { return }
        if entry.storedSpans <= 1 {
            graphBytes -= entry.graph.estimatedBytes
            traces[span.traceID] = nil
            dropStaleTraceOrder()
        } else {
            entry.storedSpans -= 1
            entry.firstSequence = span.nextInTrace
        }
    }

    /// Pops stale positions from the front of the trace order, and rebuilds it when stale positions
    /// elsewhere outnumber live ones, so it stays within twice the number of traces.
    private mutating func dropStaleTraceOrder() {
        while let first = traceOrder.first, !isLive(first) { _ = traceOrder.removeFirst() }
        if traceOrder.count > 2 * traces.count + 1024 {
            var rebuilt = Ring<(id: TraceID, generation: UInt64)>()
            for position in traceOrder.oldestFirst() where isLive(position) { rebuilt.append(position) }
            traceOrder = rebuilt
        }
    }

    private func isLive(_ position: (id: TraceID, generation: UInt64)) -> Bool {
        traces[position.id]?.generation == position.generation
    }

    /// Newest traces first, as many as the query allows.
    func traceSummaries(_ query: TraceQuery) -> [TraceSummary] {
        var query = query
        query.order = .time
        query.ascending = false
        return tracePage(query, countAll: false).traces
    }

    /// One page of the trace list in the query's order. Arrival order stops as soon as the page is
    /// full (unless `countAll`); other orders select the page with a bounded heap in one pass over
    /// the trace entries, never over the spans.
    func tracePage(_ query: TraceQuery, countAll: Bool = true) -> TracePage {
        let wanted = max(0, query.offset) + max(0, query.limit)
        // Without conditions every trace matches: the count is known, the time order stops at the
        // page, and the other orders rank entries without building a summary for each.
        let unfiltered = query.team == nil && query.model == nil && query.service == nil
            && query.predicate == nil && query.attributePredicate == nil
        var matched = 0
        if query.order == .time {
            var newest: [TraceSummary] = []
            let positions: AnySequence<(id: TraceID, generation: UInt64)> =
                query.ascending ? AnySequence(traceOrder.oldestFirst()) : AnySequence(traceOrder.reversed())
            for position in positions {
                if unfiltered && newest.count >= wanted { break }
                guard let entry = traces[position.id], entry.generation == position.generation else { continue }
                let summary = entry.summary(id: position.id)
                guard query.matches(summary), attributesMatch(query, summary) else { continue }
                matched += 1
                if newest.count < wanted { newest.append(summary) } else if !countAll { break }
            }
            return TracePage(traces: Array(newest.dropFirst(max(0, query.offset))), matched: unfiltered ? traces.count : matched)
        }
        if unfiltered {
            // Equal keys (exact sums tie) are ordered by trace id, not by the dictionary's order.
            var top = BoundedTop<(key: Double, id: TraceID)>(capacity: wanted) { lhs, rhs in
                let left = (lhs.key, lhs.id.high, lhs.id.low), right = (rhs.key, rhs.id.high, rhs.id.low)
                return query.ascending ? left > right : left < right
            }
            for (id, entry) in traces { top.insert((query.order.key(entry), id)) }
            let page = top.sortedBestFirst().dropFirst(max(0, query.offset)).compactMap { traces[$0.id]?.summary(id: $0.id) }
            return TracePage(traces: page, matched: traces.count)
        }
        var top = BoundedTop<TraceSummary>(capacity: wanted) { lhs, rhs in
            let left = (query.order.key(lhs), lhs.traceID.high, lhs.traceID.low)
            let right = (query.order.key(rhs), rhs.traceID.high, rhs.traceID.low)
            return query.ascending ? left > right : left < right
        }
        for (id, entry) in traces {
            let summary = entry.summary(id: id)
            guard query.matches(summary), attributesMatch(query, summary) else { continue }
            matched += 1
            top.insert(summary)
        }
        return TracePage(traces: Array(top.sortedBestFirst().dropFirst(max(0, query.offset))), matched: matched)
    }

    /// The query's attribute condition on one trace, looking values up in its stored spans
    /// (decoded once per trace, on the first lookup).
    private func attributesMatch(_ query: TraceQuery, _ summary: TraceSummary) -> Bool {
        guard let predicate = query.attributePredicate else { return true }
        var records: [(SpanRecord, Resource)]?
        return predicate(summary) { key in
            if records == nil { records = spans(of: summary.traceID).map { ($0.record, $0.origin.resource) } }
            return records!.flatMap { record, resource in
                record.attributes.filter { $0.key == key }.map(\.value) + resource.attributes.filter { $0.key == key }.map(\.value)
            }
        }
    }

    /// The stored spans of one trace in arrival order.
    func spans(of id: TraceID) -> [StoredSpan] {
        guard let entry = traces[id] else { return [] }
        var spans: [StoredSpan] = []
        spans.reserveCapacity(entry.storedSpans)
        var sequence = entry.firstSequence
        while sequence != StoredSpan.noNext, let span = ring[sequence: sequence] {
            spans.append(span)
            sequence = span.nextInTrace
        }
        return spans
    }
}

/// What inserting a span did to attribution.
struct InsertResult {
    /// The span's attribution after inheritance inside its trace.
    var effective: Attribution
    /// What the span adds to the ledger (with its local policy violations).
    var contribution: Contribution
    /// Earlier spans of the trace that now inherit from the new span.
    var moves: [AttributionMove]
}

/// One span's ledger contribution moving from one attribution to another.
struct AttributionMove {
    var contribution: Contribution
    var receivedAt: UInt64
    var old: Attribution
    var new: Attribution
    /// The moved span's facts (for its model, provider and service), read back from the store.
    var facts: GovernanceFacts
}
