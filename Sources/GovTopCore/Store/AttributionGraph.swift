/// The span tree of one trace, kept so that a span without attribution inherits it from its
/// nearest ancestor that has it — also when that ancestor arrives later. Each node stores indexes
/// into a small per-trace table of distinct attributions, not the attributions themselves.
struct AttributionGraph {
    private struct Node {
        var parent = SpanID.none
        var firstChild = SpanID.none
        var nextSibling = SpanID.none
        var own: UInt16 = 0
        var effective: UInt16 = 0
        /// The span's sequence number in the ring; `absent` for a parent not yet received.
        var sequence = AttributionGraph.absent
    }

    /// A span whose effective attribution changed because an ancestor arrived.
    struct Change {
        var sequence: UInt64
        var old: Attribution
        var new: Attribution
    }

    static let absent = UInt64.max
    /// Estimated bytes per node (dictionary slot with load factor) and per distinct attribution.
    static let bytesPerNode = 72
    static let bytesPerAttribution = 160

    private var nodes: [SpanID: Node] = [:]
    private var attributions: [Attribution] = [Attribution()]
    private var attributionIndex: [Attribution: UInt16] = [Attribution(): 0]

    var estimatedBytes: Int { nodes.count * Self.bytesPerNode + attributions.count * Self.bytesPerAttribution }

    /// Adds a span with its own attribution; returns its effective attribution and the earlier
    /// spans of the trace whose effective attribution changed because of it.
    mutating func insert(span spanID: SpanID, parent: SpanID, own: Attribution, sequence: UInt64) -> (effective: Attribution, changes: [Change]) {
        if let existing = nodes[spanID], existing.sequence != Self.absent {
            // A span id seen twice (an exporter retry): keep the first.
            return (attributions[Int(existing.effective)], [])
        }
        var node = nodes[spanID] ?? Node()
        node.parent = parent
        node.own = index(of: own)
        node.sequence = sequence
        var inherited = Attribution()
        if !parent.isNone {
            var parentNode = nodes[parent] ?? Node()
            node.nextSibling = parentNode.firstChild
            parentNode.firstChild = spanID
            nodes[parent] = parentNode
            if parentNode.sequence != Self.absent { inherited = attributions[Int(parentNode.effective)] }
        }
        let effective = own.filling(from: inherited)
        node.effective = index(of: effective)
        nodes[spanID] = node
        return (effective, propagate(from: spanID))
    }

    /// Recomputes the effective attribution below `root`, depth first with an explicit stack.
    private mutating func propagate(from root: SpanID) -> [Change] {
        var changes: [Change] = []
        var stack = [root]
        while let current = stack.popLast() {
            guard let node = nodes[current] else { continue }
            let inherited = attributions[Int(node.effective)]
            var child = node.firstChild
            while !child.isNone, var childNode = nodes[child] {
                let next = childNode.nextSibling
                if childNode.sequence != Self.absent {
                    let updated = attributions[Int(childNode.own)].filling(from: inherited)
                    let updatedIndex = index(of: updated)
                    if updatedIndex != childNode.effective {
                        changes.append(Change(sequence: childNode.sequence, old: attributions[Int(childNode.effective)], new: updated))
                        childNode.effective = updatedIndex
                        nodes[child] = childNode
                        stack.append(child)
                    }
                }
                child = next
            }
        }
        return changes
    }

    /// The table index of an attribution, adding it if new (index 0, the empty one, when full).
    private mutating func index(of attribution: Attribution) -> UInt16 {
        if let index = attributionIndex[attribution] { return index }
        guard attributions.count < Int(UInt16.max) else { return 0 }
        let index = UInt16(attributions.count)
        attributions.append(attribution)
        attributionIndex[attribution] = index
        return index
    }
}
