/// Counts per label with at most `limit` distinct labels; labels beyond it are counted under
/// `Dimension.other`, so cardinality driven by telemetry stays bounded.
public struct BoundedCounts: Sendable, Hashable {
    public private(set) var counts: [String: Int] = [:]
    public let limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    public mutating func add(_ label: String, _ amount: Int = 1) {
        counts[Self.slot(for: label, in: counts, limit: limit), default: 0] += amount
    }

    public subscript(label: String) -> Int { counts[label] ?? 0 }

    /// The key a label is stored under in a dictionary capped at `limit` labels besides `(other)`.
    static func slot<Value>(for label: String, in dictionary: [String: Value], limit: Int) -> String {
        if dictionary[label] != nil { return label }
        let used = dictionary.count - (dictionary[Dimension.other] == nil ? 0 : 1)
        return used < limit ? label : Dimension.other
    }
}
