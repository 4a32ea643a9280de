/// Budgets in the engine's reads and tick (phase two feeds them through `BudgetBook.apply`).
extension EngineState {
    /// Threshold, exhaustion and projection conditions for budgets whose action is `alert` or `block`.
    mutating func tickBudgets(now: UInt64) {
        for condition in budgets.alertConditions(now: now, fleet: fleet) { record(alerts.observe(condition, now: now)) }
    }

    func budgetStatuses(now: UInt64) -> [BudgetStatus] {
        budgets.statuses(now: now, fleet: fleet)
    }
}
