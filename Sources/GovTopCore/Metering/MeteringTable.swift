/// Metered usage per group of every dimension, beside the ledger's traced figures and never
/// added to them (the same request seen in a span and in a metric is counted once in each).
/// Each dimension keeps at most `maxGroups` values; usage of further values is counted in
/// `(other)`, as the ledger does.
public struct MeteringTable: Sendable {
    public let maxGroups: Int
    private var tables: [[String: MeteredTotals]]
    public private(set) var totals = MeteredTotals()
    /// Usage records counted in a dimension's `(other)` group because of the cap.
    public private(set) var folded = 0

    public init(maxGroups: Int) {
        self.maxGroups = max(1, maxGroups)
        tables = Array(repeating: [:], count: Dimension.allCases.count)
    }

    public mutating func add(_ usage: MeteredUsage) {
        totals.add(usage)
        for dimension in Dimension.allCases {
            var key = dimension.value(in: usage.facts, attribution: usage.facts.attribution) ?? Dimension.unattributed
            if tables[dimension.index][key] == nil, tables[dimension.index].count >= maxGroups {
                key = Dimension.other
                folded += 1
            }
            tables[dimension.index][key, default: MeteredTotals()].add(usage)
        }
    }

    /// Every metered group of a dimension.
    public func groups(_ dimension: Dimension) -> [String: MeteredTotals] {
        tables[dimension.index]
    }
}
