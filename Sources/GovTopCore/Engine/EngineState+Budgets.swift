/// Budgets in the engine: configured budgets follow the ledger (including moves between scopes),
/// telemetry budgets keep the latest report, and both feed the alert book on each tick.
extension EngineState {
    mutating func recordBudgets(_ contribution: Contribution, facts: GovernanceFacts, attribution: Attribution, at now: UInt64) {
        let cost = contribution.cost.amount
        if !cost.isZero {
            for index in budgets.indices where budgets[index].definition.source != .metered { // metrics: metered budgets follow metrics
                budgets[index].record(cost, at: now, ifCovering: facts, attribution: attribution)
            }
        }
        if let report = facts.budget {
            telemetryBudgets.record(report, name: report.name ?? Self.derivedBudgetName(attribution), at: now)
        }
    }

    /// A move changes a budget only when it covers one side and not the other.
    mutating func moveBudgets(_ move: AttributionMove) {
        let cost = move.contribution.cost.amount
        guard !cost.isZero else { return }
        for index in budgets.indices where budgets[index].definition.source != .metered { // metrics
            let before = budgets[index].covers(move.facts, attribution: move.old)
            let after = budgets[index].covers(move.facts, attribution: move.new)
            if before != after { budgets[index].record(after ? cost : .zero - cost, at: move.receivedAt) }
        }
    }

    /// Threshold, exhaustion and projection conditions for budgets whose action is `alert`.
    mutating func tickBudgets(now: UInt64) {
        for tracker in budgets where tracker.definition.action == .alert {
            let status = tracker.status(now: now)
            guard let consumed = status.consumedUSD, let limit = status.limitUSD else { continue }
            var conditions = [
                AlertCondition.budgetThreshold(budget: status.name, consumedUSD: consumed, limitUSD: limit, thresholds: status.thresholds),
                AlertCondition.budgetExceeded(budget: status.name, consumedUSD: consumed, limitUSD: limit),
            ]
            if let exhaustsAt = status.projectedExhaustion, let resetsAt = status.resetsAt {
                conditions.append(AlertCondition.budgetProjectedExhaustion(
                    budget: status.name, consumedUSD: consumed, limitUSD: limit, exhaustsAt: exhaustsAt, resetsAt: resetsAt, now: now))
            }
            for condition in conditions.compactMap({ $0 }) { record(alerts.observe(condition, now: now)) }
        }
    }

    func budgetStatuses(now: UInt64) -> [BudgetStatus] {
        budgets.map { $0.status(now: now) } + telemetryBudgets.statuses(now: now)
    }

    /// The name of a telemetry budget report without `genops.budget.name`: its most specific owner.
    static func derivedBudgetName(_ attribution: Attribution) -> String {
        if let team = attribution.team { return "team:\(team)" }
        if let project = attribution.project { return "project:\(project)" }
        if let customer = attribution.customer { return "customer:\(customer)" }
        return "all"
    }
}
