/// The span tree of one trace, kept so that a span without attribution inherits it from its
/// nearest ancestor that has it — also when that ancestor arrives later. Nodes sit in one array in
/// arrival order, linked to their children by position; each stores indexes into a small per-trace
/// table of distinct attributions, not the attributions themselves (and the table is usually one
/// that other traces share, see `SharedLists`). Traces are small (a handful of
/// spans), so a span is found by a linear search; a position index is built only for large traces.
struct AttributionGraph {
    private struct Node {
        var span: SpanID
        /// The span's sequence number in the ring; `absent` for a parent not yet received.
        var sequence = AttributionGraph.absent
        var firstChild = AttributionGraph.noNode
        var nextSibling = AttributionGraph.noNode
        var own: UInt16 = 0
        var effective: UInt16 = 0
    }

    /// A span whose effective attribution changed because an ancestor arrived.
    struct Change {
        var sequence: UInt64
        var old: Attribution
        var new: Attribution
    }

    static let absent = UInt64.max
    private static let noNode: Int32 = -1
    /// Nodes searched one by one before an index is built.
    private static let linearLimit = 16
    /// Estimated bytes per node (array slot, and the index's slot once there is one) and per
    /// distinct attribution.
    static let bytesPerNode = MemoryLayout<Node>.stride
    static let bytesPerIndexedNode = 32
    static let bytesPerAttribution = 160
    /// Bytes of the table when the graph holds it alone (0 while it is shared).
    private var ownTableBytes: Int32 = 0

    private var nodes: [Node] = []
    private var positions: [SpanID: Int32]?
    /// Distinct non-empty attributions of the trace; index 0 stands for the empty one, index i for
    /// the table's element i - 1. Traces have one or two, so a linear search beats a dictionary.
    /// While a trace has at most `sharedTableLimit` of them, the table is a list shared with other
    /// traces; past that the graph keeps its own, with a dictionary index.
    private var sharedTable: SharedList<Attribution>?
    private var ownTable: [Attribution] = []
    private var tableIndex: [Attribution: UInt16]?
    private static let sharedTableLimit = 16

    var estimatedBytes: Int {
        nodes.capacity * Self.bytesPerNode + (positions == nil ? 0 : nodes.count * Self.bytesPerIndexedNode)
            + (tableIndex == nil ? Int(ownTableBytes) : 2 * ownTable.count * Self.bytesPerAttribution)
    }

    /// The attribution at a table index `insert` returned.
    func attribution(at index: UInt16) -> Attribution {
        if index == 0 { return Attribution() }
        return tableIndex == nil ? sharedTable!.elements[Int(index) - 1] : ownTable[Int(index) - 1]
    }

    private func position(of span: SpanID) -> Int? {
        if let positions { return positions[span].map(Int.init) }
        return nodes.firstIndex { $0.span == span }
    }

    /// The position of a span's node, adding an empty one (a parent not yet received) if new.
    private mutating func node(for span: SpanID) -> Int {
        if let existing = position(of: span) { return existing }
        if nodes.isEmpty { nodes.reserveCapacity(4) }
        nodes.append(Node(span: span))
        let position = nodes.count - 1
        if positions != nil {
            positions?[span] = Int32(position)
        } else if nodes.count > Self.linearLimit {
            positions = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.span, Int32($0)) })
        }
        return position
    }

    /// Adds a span with its own attribution; returns its effective attribution (and its index in
    /// the trace's table) and the earlier spans of the trace whose effective attribution changed
    /// because of it.
    mutating func insert(span spanID: SpanID, parent: SpanID, own: Attribution, sequence: UInt64,
                         tables: inout SharedLists<Attribution>) -> (effective: Attribution, index: UInt16, changes: [Change]) {
        if let existing = position(of: spanID), nodes[existing].sequence != Self.absent {
            // A span id seen twice (an exporter retry): keep the first.
            return (attribution(at: nodes[existing].effective), nodes[existing].effective, [])
        }
        let current = node(for: spanID)
        let ownIndex = index(of: own, tables: &tables)
        var inherited = Attribution()
        if !parent.isNone && parent != spanID {
            let parentPosition = node(for: parent)
            nodes[current].nextSibling = nodes[parentPosition].firstChild
            nodes[parentPosition].firstChild = Int32(current)
            if nodes[parentPosition].sequence != Self.absent { inherited = attribution(at: nodes[parentPosition].effective) }
        }
        let effective = own.filling(from: inherited)
        nodes[current].own = ownIndex
        nodes[current].sequence = sequence
        let effectiveIndex = index(of: effective, tables: &tables)
        nodes[current].effective = effectiveIndex
        // A new leaf (no child arrived before it) changes nobody: skip the walk.
        guard nodes[current].firstChild != Self.noNode else { return (effective, effectiveIndex, []) }
        return (effective, effectiveIndex, propagate(from: current, tables: &tables))
    }

    /// Recomputes the effective attribution below `root`, depth first with an explicit stack.
    private mutating func propagate(from root: Int, tables: inout SharedLists<Attribution>) -> [Change] {
        var changes: [Change] = []
        var stack = [root]
        while let current = stack.popLast() {
            let inherited = attribution(at: nodes[current].effective)
            var child = nodes[current].firstChild
            while child != Self.noNode {
                let position = Int(child)
                child = nodes[position].nextSibling
                guard nodes[position].sequence != Self.absent else { continue }
                let updated = attribution(at: nodes[position].own).filling(from: inherited)
                let updatedIndex = index(of: updated, tables: &tables)
                if updatedIndex != nodes[position].effective {
                    changes.append(Change(sequence: nodes[position].sequence, old: attribution(at: nodes[position].effective), new: updated))
                    nodes[position].effective = updatedIndex
                    stack.append(position)
                }
            }
        }
        return changes
    }

    /// The table index of an attribution, adding it if new (index 0, the empty one, when full).
    private mutating func index(of attribution: Attribution, tables: inout SharedLists<Attribution>) -> UInt16 {
        if attribution.isEmpty { return 0 }
        if let tableIndex {
            if let index = tableIndex[attribution] { return index }
        } else {
            let shared = sharedTable?.elements ?? []
            if let position = shared.firstIndex(of: attribution) { return UInt16(position + 1) }
            if shared.count < Self.sharedTableLimit {
                let extended = tables.appending(attribution, to: sharedTable)
                sharedTable = extended.list
                ownTableBytes = Int32(clamping: extended.ownBytes)
                return UInt16(shared.count + 1)
            }
            // One more than a shared table holds: the graph takes its own, with an index.
            ownTable = shared
            sharedTable = nil
            ownTableBytes = 0
            tableIndex = Dictionary(uniqueKeysWithValues: ownTable.enumerated().map { ($1, UInt16($0 + 1)) })
        }
        guard ownTable.count < Int(UInt16.max) - 1 else { return 0 }
        ownTable.append(attribution)
        let index = UInt16(ownTable.count)
        tableIndex?[attribution] = index
        return index
    }
}
