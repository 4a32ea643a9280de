/// How many values were rejected at the door, per attribute key (see `ValueBounds`).
///
/// The keys are the alias keys of `SemanticAliases` (a fixed set), so the map cannot grow with
/// input; it is capped at `capacity` keys all the same, further keys counting under `(other)`.
public struct InvalidValueCounts: Sendable, Hashable {
    public static let capacity = 256
    /// Rejected values by attribute key.
    public private(set) var byKey: [String: Int] = [:]

    public init() {}

    /// All rejected values.
    public var total: Int { byKey.values.reduce(0, +) }

    mutating func record(_ keys: [String]) {
        for key in keys {
            let counted = byKey[key] != nil || byKey.count < Self.capacity - 1 ? key : Dimension.other
            byKey[counted, default: 0] += 1
        }
    }
}
