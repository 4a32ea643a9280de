/// The groups of one dimension, capped in number: values beyond the cap fold into `(other)`.
public struct GroupTable: Sendable {
    public let dimension: Dimension
    public let capacity: Int
    public private(set) var groups: [String: GroupStats] = [:]
    /// Contributions that went to `(other)` because the table was full.
    public private(set) var foldedContributions = 0

    public init(dimension: Dimension, capacity: Int) {
        self.dimension = dimension
        self.capacity = max(1, capacity)
    }

    /// The key a value is counted under: the value itself, `(unattributed)` for none, or `(other)`
    /// when the table is full.
    func key(for value: String?) -> String {
        let key = value ?? Dimension.unattributed
        if groups[key] != nil || groups.count < capacity { return key }
        return Dimension.other
    }

    mutating func add(_ contribution: Contribution, value: String?, at time: UInt64, sign: Int = 1) {
        let key = key(for: value)
        if key == Dimension.other && value != nil && sign > 0 { foldedContributions += 1 }
        groups[key, default: GroupStats()].add(contribution, at: time, sign: sign)
    }

    var bytes: Int { groups.count * (GroupStats.estimatedBytes + 48) }
}
