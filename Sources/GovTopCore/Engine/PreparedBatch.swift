/// Phase one of ingest: a decoded batch with everything worked out that needs no shared state —
/// facts, cost, compact payloads, pattern scans and the local rules that need only the span — done
/// before the engine's lock, on the caller's thread (so in parallel on every event loop).
///
/// The spans are one flat array in the order the store takes them (resource by resource, scope by
/// scope, parents before their children within a scope); `groups` says which origin each run of
/// them has.
struct PreparedBatch {
    let groups: [PreparedGroup]
    let spans: [PreparedSpan]
    /// The spans' payloads, one after the other (each span says where its own lies).
    let payloadBytes: [UInt8]
    let rejected: Int
    let nullItemsDropped: Int
    /// The keys of values rejected at the door, one per rejected value.
    let invalidValues: [String]
    /// When govtop received the batch (its spans' place in the rate windows).
    var receivedAt: UInt64 = 0

    var accepted: Int { spans.count }

    init(_ batch: TraceBatch, governance: inout GovernancePass?) {
        var payloads = SpanPayload.Encoder() // one per batch: it remembers the values it coded last
        var groups: [PreparedGroup] = []
        var spans: [PreparedSpan] = []
        spans.reserveCapacity(batch.resourceSpans.reduce(0) { $0 + $1.scopeSpans.reduce(0) { $0 + $1.spans.count } })
        var invalidValues: [String] = []
        for resourceSpans in batch.resourceSpans {
            let resource = resourceSpans.resource
            let resourceFacts = FactValues(resource.attributes)
            let service = resource.serviceName
            // Worked out once for the resource's scopes, and only if it has spans: a body of many
            // empty scopes under one large resource must not size the resource once per scope.
            var resourceBytes: Int?
            for scopeSpans in resourceSpans.scopeSpans where !scopeSpans.spans.isEmpty {
                let start = spans.count
                if resourceBytes == nil { resourceBytes = SpanOrigin.bytes(of: resource.attributes) }
                let origin = SpanOrigin(resource: resource, scope: scopeSpans.scope, resourceFacts: resourceFacts,
                                        resourceBytes: resourceBytes)
                scopeSpans.spans.withUnsafeBufferPointer { records in
                    for index in Self.parentsFirst(records) {
                        let span = PreparedSpan(record: records[index], resource: resource, service: service, origin: origin,
                                                governance: &governance, payloads: &payloads)
                        if !span.facts.invalidValues.isEmpty { invalidValues += span.facts.invalidValues }
                        spans.append(span)
                    }
                }
                groups.append(PreparedGroup(origin: origin, spans: start..<spans.count))
            }
        }
        self.groups = groups
        self.spans = spans
        payloadBytes = payloads.bytes
        rejected = batch.rejectedSpans
        nullItemsDropped = batch.nullItemsDropped
        self.invalidValues = invalidValues
    }

    /// Calls `body` with each span in the order the store takes them and its position in that order.
    func forEachSpan(_ body: (_ position: Int, _ span: PreparedSpan) -> Void) {
        for (position, span) in spans.enumerated() { body(position, span) }
    }

    /// The order in which to prepare the spans of one scope: a parent in the same batch before its
    /// children. Exporters send children first (they end first); counting the parent first lets the
    /// children inherit its attribution at once, so the fixed labels of the Prometheus counters are
    /// right too. Returns positions in `spans`.
    static func parentsFirst(_ spans: UnsafeBufferPointer<SpanRecord>) -> [Int] {
        guard spans.count > 1 else { return Array(spans.indices) }
        let index = SpanPositionIndex(spans)
        var depth = [Int](repeating: -1, count: spans.count)
        var path: [Int] = []
        var deepest = 0
        for start in spans.indices where depth[start] < 0 {
            // Walk up to the first ancestor of known depth (or outside the batch), then fill in.
            path.removeAll(keepingCapacity: true)
            var current: Int? = start
            while let position = current, depth[position] < 0, path.count <= spans.count {
                path.append(position)
                let parent = spans[position].parentSpanID
                current = parent.isNone ? nil : index.position(trace: spans[position].traceID, span: parent, in: spans)
            }
            var base = current.map { depth[$0] } ?? -1
            if base < 0 { base = -1 }
            for position in path.reversed() {
                base += 1
                depth[position] = base
            }
            deepest = max(deepest, base)
        }
        // By depth, then position: a counting sort (a depth is at most the span count).
        var starts = [Int](repeating: 0, count: deepest + 2)
        for level in depth { starts[level + 1] += 1 }
        for level in 0...deepest { starts[level + 1] += starts[level] }
        var order = [Int](repeating: 0, count: spans.count)
        for position in spans.indices {
            order[starts[depth[position]]] = position
            starts[depth[position]] += 1
        }
        return order
    }

    /// `parentsFirst` over an array (for tests).
    static func parentsFirst(_ spans: [SpanRecord]) -> [SpanRecord] {
        spans.withUnsafeBufferPointer { parentsFirst($0) }.map { spans[$0] }
    }
}

/// A run of a prepared batch's spans that share one resource and one scope (one `ScopeSpans`).
struct PreparedGroup {
    /// Their resource and scope, with the resource's facts read once: the store keeps this origin
    /// for them unless it holds one of the same resource and scope already.
    let origin: SpanOrigin
    /// Positions of the group's spans in the batch's `spans` (never empty: a scope without spans
    /// makes no group).
    let spans: Range<Int>
}
