/// The dimension values of a request asking for a decision (team, project, ...); unset dimensions
/// are nil. A budget scoped by a dimension the request does not name does not cover it.
public struct DecisionScope: Sendable, Hashable {
    private var values: [String?] = Array(repeating: nil, count: Dimension.allCases.count)

    public init(_ values: [Dimension: String] = [:]) {
        for (dimension, value) in values { self[dimension] = value }
    }

    public subscript(dimension: Dimension) -> String? {
        get { values[dimension.index] }
        set { values[dimension.index] = newValue }
    }

    public var isEmpty: Bool { values.allSatisfy { $0 == nil } }
}
