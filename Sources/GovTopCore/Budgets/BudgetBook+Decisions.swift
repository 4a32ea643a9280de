/// decide (issue 15): the configured budgets as the decision endpoint sees them.
extension BudgetBook {
    /// Whether any budget can refuse or warn (its action is `block` or `alert`); without one, the
    /// engine never rebuilds the decision table.
    var informsDecisions: Bool {
        trackers.contains { $0.definition.action != .log }
    }

    /// The budgets that refuse or warn at `now`, in configuration order. fleet (issue 16): with a
    /// shared ledger, a calendar budget's consumption is the fleet's (committed by every instance, plus
    /// this instance's pending spend), the figure `/api/v1/budgets` shows; a rolling budget stays this
    /// instance's own, because the shared ledger keeps calendar periods only.
    func decisionTable(now: UInt64, fleet: FleetOverlay = FleetOverlay()) -> DecisionTable {
        DecisionTable(trackers.compactMap { $0.decisionEntry(now: now, adding: fleet.budgetOffset($0, now: now)) })
    }
}
