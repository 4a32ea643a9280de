/// The chart series in the engine: spend over time by team (`SpendSeries`) and each configured
/// budget's consumption over its period (`BudgetConsumptionLog`). Kept apart from ingest: the
/// engine calls these from a few marked lines.
extension EngineState {
    /// Counts a span's spend in the chart series (after the ledger counted it).
    mutating func recordSpend(_ contribution: Contribution, team: String?, at now: UInt64) {
        spendSeries.add(contribution.cost.amount, team: team, at: now)
    }

    /// A span's spend moved between teams.
    mutating func moveSpend(_ move: AttributionMove) {
        spendSeries.move(move.contribution.cost.amount, from: move.old.team, to: move.new.team, at: move.receivedAt)
    }

    /// Samples every configured budget's consumption (on each tick).
    mutating func sampleBudgetConsumption(now: UInt64) {
        budgetConsumption.sample(budgets, now: now)
    }
}
