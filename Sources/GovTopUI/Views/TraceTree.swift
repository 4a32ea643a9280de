import GovTopCore

/// The spans of one trace as a tree in display order: depth first, parents before children,
/// siblings by start time. Built without recursion, so any depth and any input is safe:
/// - a span whose parent is not in the trace (not arrived, evicted) is a root;
/// - a span that is its own parent is a root;
/// - spans that only reach each other (a parent cycle) come after all other roots, the earliest of
///   them as a root and the rest under it;
/// - a repeated span id keeps its first span as the parent of its children; the repeats get
///   distinct keys (`<id>#2`, `<id>#3`, ...) so every row can be selected.
public struct TraceTree: Sendable {
    /// One span in display order.
    public struct Node: Hashable, Sendable {
        /// Index into `TraceDetail.spans`.
        public var span: Int
        public var depth: Int
        public var hasChildren: Bool
        /// What navigation keys the row by: the span id's 16 hex digits (see the type's notes).
        public var key: String
        public var isError: Bool
        public var isViolation: Bool
    }

    public let nodes: [Node]
    /// Earliest start and latest end over all spans (Unix nanoseconds); equal for an empty trace.
    public let start: UInt64
    public let end: UInt64

    public init(_ trace: TraceDetail) {
        let spans = trace.spans
        var firstIndex: [UInt64: Int] = [:]
        var keys: [String] = []
        keys.reserveCapacity(spans.count)
        var repeats: [UInt64: Int] = [:]
        for (index, span) in spans.enumerated() {
            let id = span.record.spanID.value
            if firstIndex[id] == nil {
                firstIndex[id] = index
                keys.append(span.record.spanID.hex)
            } else {
                let seen = (repeats[id] ?? 1) + 1
                repeats[id] = seen
                keys.append(span.record.spanID.hex + "#\(seen)")
            }
        }
        var children = [[Int]](repeating: [], count: spans.count)
        var roots: [Int] = []
        for (index, span) in spans.enumerated() {
            let parentID = span.record.parentSpanID
            if !parentID.isNone, let parent = firstIndex[parentID.value], parent != index {
                children[parent].append(index)
            } else {
                roots.append(index)
            }
        }
        let byStart: (Int, Int) -> Bool = { (spans[$0].record.startTimeUnixNano, $0) < (spans[$1].record.startTimeUnixNano, $1) }
        roots.sort(by: byStart)
        for index in children.indices where children[index].count > 1 { children[index].sort(by: byStart) }

        var nodes: [Node] = []
        nodes.reserveCapacity(spans.count)
        var placed = [Bool](repeating: false, count: spans.count)
        func place(from root: Int) {
            var stack: [(span: Int, depth: Int)] = [(root, 0)]
            placed[root] = true
            while let (span, depth) = stack.popLast() {
                let record = spans[span].record
                nodes.append(Node(span: span, depth: depth, hasChildren: false, key: keys[span],
                                  isError: record.statusCode == .error, isViolation: spans[span].policyViolations > 0))
                for child in children[span].reversed() where !placed[child] {
                    placed[child] = true
                    stack.append((child, depth + 1))
                }
            }
        }
        for root in roots { place(from: root) }
        if nodes.count < spans.count {
            for index in spans.indices.sorted(by: byStart) where !placed[index] { place(from: index) }
        }
        for position in nodes.indices.dropLast() where nodes[position + 1].depth > nodes[position].depth {
            nodes[position].hasChildren = true
        }
        self.nodes = nodes
        let starts = spans.map(\.record.startTimeUnixNano)
        let ends = spans.map { max($0.record.startTimeUnixNano, $0.record.endTimeUnixNano) }
        start = starts.min() ?? 0
        end = max(ends.max() ?? start, start)
    }

    /// The rows navigation needs (`NavigationContext.waterfall`): every span, collapsed or not.
    public var rows: [WaterfallRow] {
        nodes.map { WaterfallRow(spanID: $0.key, depth: $0.depth, hasChildren: $0.hasChildren, isError: $0.isError, isViolation: $0.isViolation) }
    }

    /// Indices into `nodes` of the rows drawn: those without a collapsed ancestor, exactly as
    /// navigation counts them.
    public func visibleNodes(_ state: TraceDetailState) -> [Int] {
        state.visibleRowIndices(in: rows)
    }

    /// The node the waterfall cursor is on: the row at the selection's index among the visible
    /// rows, as navigation reads it.
    public func selectedNode(_ state: TraceDetailState) -> Node? {
        let visible = visibleNodes(state)
        guard !visible.isEmpty else { return nil }
        return nodes[visible[min(max(0, state.selection.index), visible.count - 1)]]
    }
}
