/// Phase one of ingest: a decoded batch with everything worked out that needs no shared state —
/// facts, cost, compact payloads, pattern scans and the local rules that need only the span — done
/// before the engine's lock, on the caller's thread (so in parallel on every event loop).
struct PreparedBatch {
    let resources: [PreparedResource]
    let accepted: Int
    let rejected: Int
    let nullItemsDropped: Int
    /// The keys of values rejected at the door, one per rejected value.
    let invalidValues: [String]
    /// When govtop received the batch (its spans' place in the rate windows).
    var receivedAt: UInt64 = 0

    init(_ batch: TraceBatch, governance: inout GovernancePass?) {
        var payloads = SpanPayload.Encoder() // one per batch: it remembers the values it coded last
        resources = batch.resourceSpans.map { PreparedResource($0, governance: &governance, payloads: &payloads) }
        accepted = resources.reduce(0) { $0 + $1.spanCount }
        rejected = batch.rejectedSpans
        nullItemsDropped = batch.nullItemsDropped
        var invalidValues: [String] = []
        Self.forEachSpan(in: resources) { _, span in
            if !span.facts.invalidValues.isEmpty { invalidValues += span.facts.invalidValues }
        }
        self.invalidValues = invalidValues
    }

    /// Every span in the order the store takes them, as copies (for tests; the engine lends them
    /// with `forEachSpan`).
    var spans: some Sequence<PreparedSpan> {
        resources.lazy.flatMap { $0.groups.lazy.flatMap(\.spans) }
    }

    /// Calls `body` with each span in the order the store takes them (resource by resource, scope
    /// by scope, parents before their children within a scope) and its position in that
    /// order, lending the span rather than copying it (a copy retains every string and array of
    /// its record and facts, which per span of a batch costs more than the work done with it).
    func forEachSpan(_ body: (_ position: Int, _ span: borrowing PreparedSpan) -> Void) {
        Self.forEachSpan(in: resources, body)
    }

    private static func forEachSpan(in resources: [PreparedResource],
                                    _ body: (_ position: Int, _ span: borrowing PreparedSpan) -> Void) {
        var position = 0
        for resource in resources.indices {
            for group in resources[resource].groups.indices {
                for index in resources[resource].groups[group].spans.indices {
                    body(position, resources[resource].groups[group].spans[index])
                    position += 1
                }
            }
        }
    }
}
