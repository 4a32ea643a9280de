/// The answer of the decision endpoint for one request's scope at one instant.
public struct Decision: Sendable, Hashable {
    /// The budget that refuses the request; nil: allowed.
    public var denial: DecisionEntry?
    /// Budgets covering the request that are past a threshold but do not refuse it, most used first.
    public var warnings: [DecisionEntry]

    public init(denial: DecisionEntry? = nil, warnings: [DecisionEntry] = []) {
        self.denial = denial
        self.warnings = warnings
    }

    public var allows: Bool { denial == nil }
}
