/// One budget as the decision endpoint sees it: exhausted and refusing (an exhausted `block`
/// budget), or past a threshold and warning. Valid until `until` (Unix nanoseconds) if nothing more
/// is spent: the end of the calendar period, or when a rolling window's spend has aged enough.
public struct DecisionEntry: Sendable, Hashable {
    public var name: String
    /// Every listed dimension must match the request's.
    public var scope: [(Dimension, String)]
    public var action: BudgetAction
    /// Whether requests in its scope are refused.
    public var denies: Bool
    public var limit: Money
    public var consumed: Money
    public var utilization: Double
    /// The highest threshold crossed, if any.
    public var threshold: Double?
    /// `daily`, `24h`, ...
    public var period: String
    public var until: UInt64

    public init(name: String, scope: [(Dimension, String)], action: BudgetAction, denies: Bool, limit: Money, consumed: Money,
                utilization: Double, threshold: Double?, period: String, until: UInt64) {
        self.name = name
        self.scope = scope
        self.action = action
        self.denies = denies
        self.limit = limit
        self.consumed = consumed
        self.utilization = utilization
        self.threshold = threshold
        self.period = period
        self.until = until
    }

    /// Whether a request with these dimension values (indexed by `Dimension.index`) is in its scope.
    func covers(_ values: DecisionScope) -> Bool {
        for (dimension, value) in scope where values[dimension] != value { return false }
        return true
    }

    public static func == (lhs: DecisionEntry, rhs: DecisionEntry) -> Bool {
        lhs.name == rhs.name && lhs.scope.elementsEqual(rhs.scope) { $0 == $1 } && lhs.action == rhs.action
            && lhs.denies == rhs.denies && lhs.limit == rhs.limit && lhs.consumed == rhs.consumed
            && lhs.utilization == rhs.utilization && lhs.threshold == rhs.threshold && lhs.period == rhs.period && lhs.until == rhs.until
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(until)
    }
}
