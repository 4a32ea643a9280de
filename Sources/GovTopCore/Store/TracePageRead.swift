/// A page of the trace list as read under the engine's lock. A query with an attribute condition
/// cannot be decided there without decoding spans, so the read holds the candidates — the traces
/// that pass the summary conditions, with the stored bytes of their spans — and `finish()` decodes
/// and matches them after the lock is released.
struct TracePageRead: Sendable {
    /// A trace that passed the summary conditions, and what its attribute condition may look at.
    struct Candidate: Sendable {
        var summary: TraceSummary
        /// Each stored span's payload (copied from its chunk's arena under the lock) and origin.
        var spans: [(payload: [UInt8], origin: SpanOrigin)]
    }

    private enum Content: Sendable {
        case page(TracePage)
        case candidates([Candidate], TraceQuery, countAll: Bool)
    }

    private let content: Content

    static func page(_ page: TracePage) -> TracePageRead { TracePageRead(content: .page(page)) }

    /// Candidates in the store's scan order (for the time order, the list's order).
    static func candidates(_ candidates: [Candidate], query: TraceQuery, countAll: Bool) -> TracePageRead {
        TracePageRead(content: .candidates(candidates, query, countAll: countAll))
    }

    /// The page: decodes the candidates' span attributes and applies the attribute condition.
    func finish() -> TracePage {
        switch content {
        case .page(let page):
            return page
        case .candidates(let candidates, let query, let countAll):
            guard let predicate = query.attributePredicate else { return TracePage(traces: [], matched: 0) }
            var selection = TracePageSelection(query)
            for candidate in candidates {
                if selection.isFull && !countAll { break }
                if Self.matches(candidate, predicate) { selection.add(candidate.summary) }
            }
            return selection.page()
        }
    }

    /// The attribute condition on one trace: a lookup gives the values a key has on the trace's
    /// spans and their resources (spans decoded once, on the first lookup).
    private static func matches(_ candidate: Candidate,
                                _ predicate: (TraceSummary, (String) -> [AttributeValue]) -> Bool) -> Bool {
        var decoded: [(attributes: [Attribute], resource: Resource)]?
        return predicate(candidate.summary) { key in
            if decoded == nil { decoded = candidate.spans.map { (SpanPayload.attributes($0.payload), $0.origin.resource) } }
            return decoded!.flatMap { attributes, resource in
                attributes.filter { $0.key == key }.map(\.value) + resource.attributes.filter { $0.key == key }.map(\.value)
            }
        }
    }
}
