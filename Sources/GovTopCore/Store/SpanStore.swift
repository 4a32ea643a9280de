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
    private var origins = SpanOriginTable()
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
        ring.capacity * MemoryLayout<StoredSpan?>.stride + traceOrder.capacity * 32 + interner.bytes + origins.bytes
    }

    /// Origins (resource and scope) of the stored spans, and their estimated bytes.
    var originCount: Int { origins.count }
    var originBytes: Int { origins.bytes }

    private var variableBytes: Int { spanHeapBytes + graphBytes + traces.count * TraceEntry.estimatedBytes }

    /// Stores a prepared batch span by span: works out each span's effective attribution inside its
    /// trace and evicts the oldest spans beyond the limits. Returns what happened as data — per span
    /// its attribution, what it adds to the ledger, and the earlier spans whose attribution changed
    /// because it is their ancestor — for the owners downstream to apply.
    mutating func insert(_ batch: PreparedBatch) -> StoreEffects {
        var effects = StoreEffects()
        effects.spans.reserveCapacity(batch.accepted)
        let evictedBefore = evicted
        for resource in batch.resources {
            for group in resource.groups where !group.spans.isEmpty {
                let origin = origins.origin(resource: resource.resource, scope: group.scope, resourceFacts: resource.resourceFacts)
                for span in group.spans {
                    effects.spans.append(insert(span.stored(origin: origin, receivedAt: batch.receivedAt), facts: span.facts))
                }
            }
        }
        effects.evicted = evicted - evictedBefore
        return effects
    }

    /// Adds violations found after the span was stored (local rules that read its effective
    /// attribution) to the span and its trace, so later moves carry them. Returns the span's count
    /// (saturating, as stored), or nil when it was evicted already.
    mutating func addViolations(_ count: Int, at sequence: UInt64) -> Int? {
        guard let span = ring[sequence: sequence] else { return nil }
        let updated = UInt8(clamping: Int(span.policyViolations) + count)
        ring.update(sequence: sequence) { $0.policyViolations = updated }
        traces[span.traceID]?.policyViolations += Int(updated - span.policyViolations)
        return Int(updated)
    }

    private mutating func insert(_ span: StoredSpan, facts: GovernanceFacts) -> StoredSpanEffect {
        var span = span
        let sharedName = interner.intern(span.name)
        span.name = sharedName
        if sharedName.utf8.count > 15 { span.flags.insert(.sharedName) }
        origins.retain(span.origin)
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
        let (effective, effectiveIndex, changes) = entry.graph.insert(
            span: span.spanID, parent: span.parentSpanID, own: facts.attribution, sequence: sequence)
        (span.modelSlot, span.providerSlot) = entry.add(span, facts: facts, effective: effectiveIndex, sequence: sequence,
                                                        interner: &interner)
        graphBytes += entry.graph.estimatedBytes - graphBefore
        spanHeapBytes += span.heapBytes
        let contribution = span.contribution
        ring.append(span)
        var effect = StoredSpanEffect(sequence: sequence, effective: effective, contribution: contribution)
        if !changes.isEmpty {
            effect.moves = changes.compactMap { change -> AttributionMove? in
                guard let moved = ring[sequence: change.sequence] else { return nil }
                return AttributionMove(sequence: change.sequence, contribution: moved.contribution, receivedAt: moved.receivedAt,
                                       old: change.old, new: change.new,
                                       facts: entry.dimensionFacts(of: moved) ?? moved.decodedFacts)
            }
        }
        evictBeyondLimits()
        return effect
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
        origins.release(span.origin)
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
    func traceSummaries(_ query: TraceQuery) -> TracePageRead {
        var query = query
        query.order = .time
        query.ascending = false
        return readTracePage(query, countAll: false)
    }

    /// One page of the trace list in the query's order, as far as it can be read under the lock:
    /// the finished page, or for an attribute condition the candidates to match after it.
    func readTracePage(_ query: TraceQuery, countAll: Bool = true) -> TracePageRead {
        guard query.attributePredicate != nil else { return .page(tracePage(query, countAll: countAll)) }
        var candidates: [TracePageRead.Candidate] = []
        forEachMatch(query) { id, entry, summary in
            var spans: [(payload: [UInt8], origin: SpanOrigin)] = []
            spans.reserveCapacity(entry.storedSpans)
            forEachSpan(of: entry) { spans.append(($0.payload, $0.origin)) }
            candidates.append(TracePageRead.Candidate(summary: summary, spans: spans))
            return true
        }
        return .candidates(candidates, query: query, countAll: countAll)
    }

    /// One page of the trace list by the query's summary conditions (its attribute condition is
    /// left to `readTracePage`). Arrival order stops as soon as the page is full (unless
    /// `countAll`); other orders select the page with a bounded heap in one pass over the trace
    /// entries, never over the spans.
    func tracePage(_ query: TraceQuery, countAll: Bool = true) -> TracePage {
        let wanted = max(0, query.offset) + max(0, query.limit)
        // Without conditions every trace matches: the count is known, the time order stops at the
        // page, and the other orders rank entries without building a summary for each.
        let unfiltered = query.team == nil && query.model == nil && query.service == nil && query.predicate == nil
        if unfiltered && query.order == .time {
            var selection = TracePageSelection(query)
            forEachMatch(query) { _, _, summary in
                selection.add(summary)
                return !selection.isFull
            }
            return selection.page(matched: traces.count)
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
        var selection = TracePageSelection(query)
        forEachMatch(query) { _, _, summary in
            selection.add(summary)
            return countAll || !selection.isFull
        }
        return selection.page()
    }

    /// Calls `body` for each trace that passes the query's summary conditions, in the list's order
    /// for the time order (any order for the others), until it returns false.
    private func forEachMatch(_ query: TraceQuery, _ body: (TraceID, TraceEntry, TraceSummary) -> Bool) {
        if query.order == .time {
            let positions: AnySequence<(id: TraceID, generation: UInt64)> =
                query.ascending ? AnySequence(traceOrder.oldestFirst()) : AnySequence(traceOrder.reversed())
            for position in positions {
                guard let entry = traces[position.id], entry.generation == position.generation else { continue }
                let summary = entry.summary(id: position.id)
                guard query.matches(summary) else { continue }
                if !body(position.id, entry, summary) { return }
            }
        } else {
            for (id, entry) in traces {
                let summary = entry.summary(id: id)
                guard query.matches(summary) else { continue }
                if !body(id, entry, summary) { return }
            }
        }
    }

    /// The stored spans of one trace in arrival order.
    func spans(of id: TraceID) -> [StoredSpan] {
        guard let entry = traces[id] else { return [] }
        var spans: [StoredSpan] = []
        spans.reserveCapacity(entry.storedSpans)
        forEachSpan(of: entry) { spans.append($0) }
        return spans
    }

    private func forEachSpan(of entry: TraceEntry, _ body: (StoredSpan) -> Void) {
        var sequence = entry.firstSequence
        while sequence != StoredSpan.noNext, let span = ring[sequence: sequence] {
            body(span)
            sequence = span.nextInTrace
        }
    }
}
