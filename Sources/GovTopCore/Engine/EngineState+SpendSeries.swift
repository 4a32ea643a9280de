/// The chart series in the engine: spend over time by team (`SpendSeries`) and each configured
/// budget's consumption over its period (`BudgetConsumptionLog`). Kept apart from ingest: the
/// engine calls these from a few marked lines.
extension EngineState {
    /// Counts a batch's spend in the chart series, moves between teams included.
    mutating func recordSpend(_ effect: SpanEffect) {
        spendSeries.add(effect.contribution.cost.amount, team: effect.effective.team, at: effect.receivedAt)
        for move in effect.moves {
            spendSeries.move(move.contribution.cost.amount, from: move.old.team, to: move.new.team, at: move.receivedAt)
        }
    }

    /// Samples every configured budget's consumption (on each tick).
    mutating func sampleBudgetConsumption(now: UInt64) {
        budgetConsumption.sample(budgets.trackers, now: now)
    }
}
