/// How a filter term compares a field with its value.
public enum FilterOperator: String, Hashable, Sendable, CaseIterable {
    case equals = "="
    case notEquals = "!="
    case contains = "~"
    case notContains = "!~"
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="

    /// `>`, `>=`, `<`, `<=`: these need a number.
    public var isOrdering: Bool {
        switch self {
        case .greater, .greaterOrEqual, .less, .lessOrEqual: true
        default: false
        }
    }

    /// `~` and `!~`: these need text.
    public var isSubstring: Bool { self == .contains || self == .notContains }

    func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .equals: lhs == rhs
        case .notEquals: lhs != rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .contains, .notContains: false
        }
    }
}
