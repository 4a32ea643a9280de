/// Picks one page of the trace list from matching summaries fed in the store's scan order: for
/// the time order the scan order is the list's order, so the first `offset + limit` are kept; the
/// other orders keep the best ones in a bounded heap. Counts every summary fed to it.
struct TracePageSelection {
    let query: TraceQuery
    private let wanted: Int
    private var inOrder: [TraceSummary] = []
    private var top: BoundedTop<TraceSummary>
    private(set) var matched = 0

    init(_ query: TraceQuery) {
        self.query = query
        wanted = max(0, query.offset) + max(0, query.limit)
        top = BoundedTop(capacity: query.order == .time ? 0 : wanted) { lhs, rhs in
            // Equal keys (exact sums tie) are ordered by trace id, not by the dictionary's order.
            let left = (query.order.key(lhs), lhs.traceID.high, lhs.traceID.low)
            let right = (query.order.key(rhs), rhs.traceID.high, rhs.traceID.low)
            return query.ascending ? left > right : left < right
        }
    }

    /// Whether the page is complete (further summaries only count).
    var isFull: Bool { query.order == .time && inOrder.count >= wanted }

    mutating func add(_ summary: TraceSummary) {
        matched += 1
        if query.order != .time {
            top.insert(summary)
        } else if inOrder.count < wanted {
            inOrder.append(summary)
        }
    }

    /// The page, with `matched` as the count unless the caller knows better.
    func page(matched: Int? = nil) -> TracePage {
        let kept = query.order == .time ? inOrder : top.sortedBestFirst()
        return TracePage(traces: Array(kept.dropFirst(max(0, query.offset))), matched: matched ?? self.matched)
    }
}
