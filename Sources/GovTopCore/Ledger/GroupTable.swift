/// The groups of one dimension, capped in number: values beyond the cap fold into `(other)`.
/// Stats live in an array indexed through a dictionary, so an update mutates in place and never
/// copies a group's series.
public struct GroupTable: Sendable {
    public let dimension: Dimension
    public let capacity: Int
    private var index: [String: Int] = [:]
    private var keys: [String] = []
    private var stats: [GroupStats] = []
    /// Contributions that went to `(other)` because the table was full.
    public private(set) var foldedContributions = 0
    /// The last key looked up and its position: consecutive spans of a batch usually share their
    /// team, model, service, ..., and comparing strings is cheaper than hashing them.
    private var lastKey: String?
    private var lastPosition = 0

    public init(dimension: Dimension, capacity: Int) {
        self.dimension = dimension
        self.capacity = max(1, capacity)
    }

    public var count: Int { keys.count }

    /// Every group with its stats, in order of first appearance.
    public var rows: some Sequence<(key: String, stats: GroupStats)> {
        zip(keys, stats).lazy.map { (key: $0, stats: $1) }
    }

    public subscript(key: String) -> GroupStats? {
        index[key].map { stats[$0] }
    }

    /// The key a value is counted under: the value itself, `(unattributed)` for none, or `(other)`
    /// when the table is full.
    func key(for value: String?) -> String {
        let key = value ?? Dimension.unattributed
        if index[key] != nil || keys.count < capacity { return key }
        return Dimension.other
    }

    /// Counts a contribution under `value`'s group; returns the key it was counted under.
    @discardableResult
    mutating func add(_ contribution: Contribution, value: String?, at time: UInt64, sign: Int = 1) -> String {
        let key = value ?? Dimension.unattributed
        let position: Int
        if key == lastKey {
            position = lastPosition
        } else if let existing = index[key] {
            position = existing
            lastKey = key
            lastPosition = existing
        } else {
            let target = keys.count < capacity ? key : Dimension.other
            if target == Dimension.other && value != nil && sign > 0 { foldedContributions += 1 }
            position = slot(for: target)
        }
        stats[position].add(contribution, at: time, sign: sign)
        return keys[position]
    }

    private mutating func slot(for key: String) -> Int {
        if let existing = index[key] { return existing }
        index[key] = keys.count
        keys.append(key)
        stats.append(GroupStats())
        return keys.count - 1
    }

    var bytes: Int { keys.count * (GroupStats.estimatedBytes + 96) }
}
