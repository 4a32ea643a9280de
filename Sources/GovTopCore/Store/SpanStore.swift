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
    /// Models and providers of the trace entries.
    private var lists = SharedLists<String>()
    /// Attribution tables of the trace entries' graphs.
    private var tables = SharedLists<Attribution>()
    private var names = SpanNameTable()
    private var origins = SpanOriginTable()
    /// Bytes the trace entries hold beyond their fixed estimate (see `TraceEntry.heapBytes`).
    private var entryHeapBytes = 0
    private(set) var evicted = 0

    /// Spans held at most: the limit, and fewer than 2³² (so the distance between two spans of a
    /// trace fits a stored span's 32 bits).
    private let maxSpans: Int

    init(limits: StoreLimits) {
        self.limits = limits
        maxSpans = min(limits.maxSpans, Int(UInt32.max))
        ring = Ring(maxCapacity: maxSpans)
    }

    var spanCount: Int { ring.count }
    var traceCount: Int { traces.count }

    /// Estimated bytes held: ring slots and payload arenas, trace entries, names, shared strings
    /// and origins.
    var bytesHeld: Int { fixedBytes + variableBytes }

    private var fixedBytes: Int {
        ring.capacity * MemoryLayout<StoredSpan?>.stride + ring.arenaCapacity + traceOrder.capacity * 32
            + lists.bytes + tables.bytes + names.bytes + origins.bytes
    }

    /// Origins (resource and scope) of the stored spans, and their estimated bytes.
    var originCount: Int { origins.count }
    var originBytes: Int { origins.bytes }
    /// Distinct names of the stored spans, and lists the trace entries share.
    var nameCount: Int { names.count }
    var sharedListCount: Int { lists.count + tables.count }

    private var variableBytes: Int { entryHeapBytes + traces.count * TraceEntry.estimatedBytes }

    /// Stores a prepared batch span by span: works out each span's effective attribution inside its
    /// trace and evicts the oldest spans beyond the limits. Returns what happened as data — per span
    /// its attribution, what it adds to the ledger, and the earlier spans whose attribution changed
    /// because it is their ancestor — for the owners downstream to apply.
    mutating func insert(_ batch: PreparedBatch) -> StoreEffects {
        var effects = StoreEffects()
        effects.spans.reserveCapacity(batch.accepted)
        let evictedBefore = evicted
        batch.payloadBytes.withUnsafeBufferPointer { payloads in
            for group in batch.groups {
                let origin = origins.origin(sharing: group.origin)
                for span in batch.spans[group.spans] {
                    var stored = span.stored
                    if stored.origin !== origin { stored.origin = origin }
                    stored.receivedAt = batch.receivedAt
                    effects.spans.append(insert(stored, name: span.name, payload: UnsafeBufferPointer(rebasing: payloads[span.payload]),
                                                facts: span.facts))
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

    /// Stores one span: its name counted in the name table, its payload copied into the ring
    /// chunk's arena (the only per-span copy under the lock).
    private mutating func insert(_ span: StoredSpan, name: String, payload: UnsafeBufferPointer<UInt8>,
                                 facts: GovernanceFacts) -> StoredSpanEffect {
        var span = span
        span.nameID = names.retain(name)
        let sharedName = names[span.nameID]
        span.payloadOffset = ring.appendBytes(payload)
        span.payloadLength = UInt32(payload.count)
        origins.retain(span.origin)
        let sequence = ring.nextSequence
        var created = false
        let entry = Self.value(in: &traces, for: span.traceID) {
            created = true
            return TraceEntry(generation: nextGeneration, firstSequence: sequence, lastSequence: sequence,
                              service: span.origin.service, firstSpanName: sharedName,
                              startTimeUnixNano: span.startTimeUnixNano, endTimeUnixNano: span.endTimeUnixNano)
        }
        if created {
            traceOrder.append((span.traceID, nextGeneration))
            nextGeneration += 1
        } else {
            ring.update(sequence: entry.lastSequence) { $0.link(next: sequence, after: entry.lastSequence) }
        }
        let heapBefore = entry.heapBytes
        let (effective, effectiveIndex, changes) = entry.graph.insert(
            span: span.spanID, parent: span.parentSpanID, own: facts.attribution, sequence: sequence, tables: &tables)
        (span.modelSlot, span.providerSlot) = entry.add(span, name: sharedName, facts: facts, effective: effectiveIndex,
                                                        sequence: sequence, lists: &lists)
        entryHeapBytes += entry.heapBytes - heapBefore
        let contribution = span.contribution
        ring.append(span)
        var effect = StoredSpanEffect(sequence: sequence, effective: effective, contribution: contribution)
        if !changes.isEmpty {
            effect.moves = changes.compactMap { change -> AttributionMove? in
                guard let moved = ring[sequence: change.sequence] else { return nil }
                return AttributionMove(sequence: change.sequence, contribution: moved.contribution, receivedAt: moved.receivedAt,
                                       old: change.old, new: change.new,
                                       facts: entry.dimensionFacts(of: moved) ?? copy(moved, at: change.sequence).decodedFacts)
            }
        }
        evictBeyondLimits()
        return effect
    }

    private mutating func evictBeyondLimits() {
        while ring.count > maxSpans || (ring.count > 1 && bytesHeld > limits.maxMemoryBytes) {
            evictOldest()
        }
    }

    private mutating func evictOldest() {
        let sequence = ring.firstSequence
        guard let span = ring.removeFirst(bytesEnd: { $0.payloadOffset + Int($0.payloadLength) }) else { return }
        evicted += 1
        names.release(span.nameID)
        origins.release(span.origin)
        guard let index = traces.index(forKey: span.traceID) else { return }
        let entry = traces.values[index]
        if entry.storedSpans <= 1 {
            dropEntry(at: index, entry)
            // Its models, providers and attribution table may be held by nobody now.
            lists.noteReleased(2)
            tables.noteReleased(1)
        } else {
            entry.storedSpans -= 1
            // More spans of the trace are stored, so this one links to the next.
            entry.firstSequence = span.nextInTrace(after: sequence) ?? entry.lastSequence
        }
    }

    private mutating func dropEntry(at index: Dictionary<TraceID, TraceEntry>.Index, _ entry: TraceEntry) {
        entryHeapBytes -= entry.heapBytes
        traces.remove(at: index)
        dropStaleTraceOrder()
    }

    /// The value for `key`, made and inserted by `make` when there is none, in one lookup (a
    /// lookup and then an insertion hash the key twice).
    private static func value<Key: Hashable, Value>(in dictionary: inout [Key: Value], for key: Key,
                                                    make: () -> Value) -> Value {
        func read(_ value: inout Value) -> Value { value }
        return read(&dictionary[key, default: make()])
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
            forEachSpan(of: entry) { span, sequence in spans.append((payload(of: span, at: sequence), span.origin)) }
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

    /// The stored spans of one trace in arrival order, copied out with their names and payloads.
    func spans(of id: TraceID) -> [StoredSpanCopy] {
        guard let entry = traces[id] else { return [] }
        var spans: [StoredSpanCopy] = []
        spans.reserveCapacity(entry.storedSpans)
        forEachSpan(of: entry) { span, sequence in spans.append(copy(span, at: sequence)) }
        return spans
    }

    private func copy(_ span: StoredSpan, at sequence: UInt64) -> StoredSpanCopy {
        StoredSpanCopy(span: span, name: names[span.nameID], payload: payload(of: span, at: sequence))
    }

    /// A copy of the span's payload bytes from its chunk's arena.
    private func payload(of span: StoredSpan, at sequence: UInt64) -> [UInt8] {
        ring.bytes(of: sequence, at: span.payloadOffset, count: Int(span.payloadLength))
    }

    private func forEachSpan(of entry: TraceEntry, _ body: (StoredSpan, UInt64) -> Void) {
        var next: UInt64? = entry.firstSequence
        while let sequence = next, let span = ring[sequence: sequence] {
            body(span, sequence)
            next = span.nextInTrace(after: sequence)
        }
    }
}
