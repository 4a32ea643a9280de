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
    /// The keys looked up last and their positions (-1: unused): the spans of a batch share a few
    /// teams, models, services, ..., and comparing strings is cheaper than hashing them.
    private var recentKeys = InlineArray<4, String>(repeating: "")
    private var recentPositions = InlineArray<4, Int>(repeating: -1)
    private var nextRecent = 0

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

    /// The key of the group at a position `add` returned.
    func key(at position: Int) -> String { keys[position] }

    /// Counts a contribution under `value`'s group: the value itself, `(unattributed)` for none, or
    /// `(other)` when the table is full. Returns the group's position (stable: groups are never removed).
    @discardableResult
    mutating func add(_ contribution: Contribution, value: String?, at time: UInt64, sign: Int = 1) -> Int {
        let position = position(of: value, counting: sign > 0)
        stats[position].add(contribution, at: time, sign: sign)
        return position
    }

    private mutating func position(of value: String?, counting: Bool) -> Int {
        let key = value ?? Dimension.unattributed
        for slot in recentPositions.indices where recentPositions[slot] >= 0 && recentKeys[slot] == key {
            return recentPositions[slot]
        }
        let position: Int
        if let existing = index[key] {
            position = existing
        } else if keys.count < capacity {
            position = slot(for: key)
        } else {
            if value != nil && counting { foldedContributions += 1 }
            // A full table's fold is not cached: the next lookup of this value must fold (and count) again.
            return slot(for: Dimension.other)
        }
        recentKeys[nextRecent] = key
        recentPositions[nextRecent] = position
        nextRecent = (nextRecent + 1) % recentPositions.count
        return position
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
