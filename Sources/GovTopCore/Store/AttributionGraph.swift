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
    /// Distinct non-empty attributions of the trace; index 0 stands for the empty one, index i for
    /// `table[i - 1]`. Traces have one or two, so a linear search beats a dictionary; one is built
    /// only for traces with many.
    private var table: [Attribution] = []
    private var tableIndex: [Attribution: UInt16]?

    var estimatedBytes: Int {
        nodes.count * Self.bytesPerNode + table.count * Self.bytesPerAttribution + (tableIndex == nil ? 0 : table.count * 160)
    }

    private func attribution(at index: UInt16) -> Attribution {
        index == 0 ? Attribution() : table[Int(index) - 1]
    }

    /// Adds a span with its own attribution; returns its effective attribution and the earlier
    /// spans of the trace whose effective attribution changed because of it.
    mutating func insert(span spanID: SpanID, parent: SpanID, own: Attribution, sequence: UInt64) -> (effective: Attribution, changes: [Change]) {
        if let existing = nodes[spanID], existing.sequence != Self.absent {
            // A span id seen twice (an exporter retry): keep the first.
            return (attribution(at: existing.effective), [])
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
            if parentNode.sequence != Self.absent { inherited = attribution(at: parentNode.effective) }
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
            let inherited = attribution(at: node.effective)
            var child = node.firstChild
            while !child.isNone, var childNode = nodes[child] {
                let next = childNode.nextSibling
                if childNode.sequence != Self.absent {
                    let updated = attribution(at: childNode.own).filling(from: inherited)
                    let updatedIndex = index(of: updated)
                    if updatedIndex != childNode.effective {
                        changes.append(Change(sequence: childNode.sequence, old: attribution(at: childNode.effective), new: updated))
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
        if attribution.isEmpty { return 0 }
        if let tableIndex {
            if let index = tableIndex[attribution] { return index }
        } else if let position = table.firstIndex(of: attribution) {
            return UInt16(position + 1)
        }
        guard table.count < Int(UInt16.max) - 1 else { return 0 }
        table.append(attribution)
        let index = UInt16(table.count)
        if tableIndex != nil {
            tableIndex?[attribution] = index
        } else if table.count > 16 {
            tableIndex = Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1, UInt16($0 + 1)) })
        }
        return index
    }
}
