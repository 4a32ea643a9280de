/// Every group of one dimension with how many contributions folded into `(other)`, read in one
/// lock acquisition.
public struct GroupsSnapshot: Sendable {
    public var dimension: Dimension
    /// Most expensive first.
    public var rows: [GroupRow]
    /// Contributions folded into `(other)` because of the cardinality cap.
    public var folded: Int
    /// Metered usage per group of the same dimension (metrics), beside the traced rows. // metrics
    public var metered: [String: MeteredTotals] = [:]
}
