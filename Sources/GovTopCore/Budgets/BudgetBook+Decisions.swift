/// decide (issue 15): the configured budgets as the decision endpoint sees them.
extension BudgetBook {
    /// Whether any budget can refuse or warn (its action is `block` or `alert`); without one, the
    /// engine never rebuilds the decision table.
    var informsDecisions: Bool {
        trackers.contains { $0.definition.action != .log }
    }

    /// The budgets that refuse or warn at `now`, in configuration order.
    func decisionTable(now: UInt64) -> DecisionTable {
        DecisionTable(trackers.compactMap { $0.decisionEntry(now: now) })
    }
}
