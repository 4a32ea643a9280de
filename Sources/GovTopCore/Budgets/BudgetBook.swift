import Foundation

/// The budgets the engine keeps: configured budgets, which follow the ledger's attribution
/// (moves between scopes included), and budgets reported in telemetry, which keep the latest
/// report. Fed with a batch's effects in phase two of ingest; the tick reads it for alerts.
struct BudgetBook {
    private(set) var trackers: [BudgetTracker]
    private(set) var telemetry = TelemetryBudgets()
    /// Which traced budgets cover a span, found by its values' identities.
    private var coverage: BudgetCoverage

    init(_ definitions: [BudgetDefinition], timeZone: TimeZone, startedAt: UInt64) {
        trackers = definitions.map { BudgetTracker(definition: $0, timeZone: timeZone, startedAt: startedAt) }
        coverage = BudgetCoverage(trackers)
    }

    /// Each span's cost against the budgets that cover it, its telemetry report, and its moves.
    mutating func apply(_ effects: [SpanEffect]) {
        for effect in effects { apply(effect) }
    }

    mutating func apply(_ effect: SpanEffect) {
        record(effect)
        for move in effect.moves { self.move(move) }
    }

    private mutating func record(_ effect: SpanEffect) {
        let cost = effect.contribution.cost.amount
        if !cost.isZero {
            if var covering = coverage.covering(effect.facts, attribution: effect.effective) {
                while covering != 0 {
                    trackers[covering.trailingZeroBitCount].record(cost, at: effect.receivedAt)
                    covering &= covering - 1
                }
            } else {
                for index in trackers.indices where trackers[index].definition.source != .metered {
                    trackers[index].record(cost, at: effect.receivedAt, ifCovering: effect.facts, attribution: effect.effective)
                }
            }
        }
        if let report = effect.facts.budget {
            telemetry.record(report, name: report.name ?? Self.derivedName(effect.effective), at: effect.receivedAt)
        }
    }

    /// Metered cost (from metrics) against the budgets whose source is `metered`; traced budgets
    /// never see it, so nothing counts twice.
    mutating func recordMetered(_ cost: Money, at time: UInt64, facts: GovernanceFacts, attribution: Attribution) {
        guard !cost.isZero else { return }
        for index in trackers.indices where trackers[index].definition.source == .metered {
            trackers[index].record(cost, at: time, ifCovering: facts, attribution: attribution)
        }
    }

    /// Puts back the consumption a previous run recorded for budgets of the same name (ledger of record).
    mutating func restore(_ records: [BudgetPeriodRecord], now: UInt64) {
        for record in records {
            for index in trackers.indices where trackers[index].name == record.name {
                trackers[index].restore(record, now: now)
            }
        }
    }

    /// A move changes a budget only when it covers one side and not the other.
    private mutating func move(_ move: AttributionMove) {
        let cost = move.contribution.cost.amount
        guard !cost.isZero else { return }
        if let before = coverage.covering(move.facts, attribution: move.old),
           let after = coverage.covering(move.facts, attribution: move.new) {
            var changed = before ^ after
            while changed != 0 {
                let index = changed.trailingZeroBitCount
                trackers[index].record(after & (1 << UInt64(index)) != 0 ? cost : .zero - cost, at: move.receivedAt)
                changed &= changed - 1
            }
            return
        }
        for index in trackers.indices where trackers[index].definition.source != .metered {
            let before = trackers[index].covers(move.facts, attribution: move.old)
            let after = trackers[index].covers(move.facts, attribution: move.new)
            if before != after { trackers[index].record(after ? cost : .zero - cost, at: move.receivedAt) }
        }
    }

    /// Configured budgets in configuration order, then budgets reported in telemetry by name.
    func statuses(now: UInt64, fleet: FleetOverlay = FleetOverlay()) -> [BudgetStatus] {
        trackers.map { $0.status(now: now, adding: fleet.budgetOffset($0, now: now)) }
            + telemetry.statuses(now: now)
    }

    /// Threshold, exhaustion and projection conditions of the configured budgets whose action is
    /// `alert` or `block` (a hard budget alerts as a soft one does, and also refuses), on fleet-wide
    /// consumption when the ledger is shared.
    func alertConditions(now: UInt64, fleet: FleetOverlay = FleetOverlay()) -> [AlertCondition] {
        var conditions: [AlertCondition] = []
        for tracker in trackers where tracker.definition.action != .log {
            let status = tracker.status(now: now, adding: fleet.budgetOffset(tracker, now: now))
            guard let consumed = status.consumedUSD, let limit = status.limitUSD else { continue }
            conditions += [
                AlertCondition.budgetThreshold(budget: status.name, consumedUSD: consumed, limitUSD: limit, thresholds: status.thresholds),
                AlertCondition.budgetExceeded(budget: status.name, consumedUSD: consumed, limitUSD: limit),
            ].compactMap { $0 }
            if let exhaustsAt = status.projectedExhaustion, let resetsAt = status.resetsAt,
               let condition = AlertCondition.budgetProjectedExhaustion(
                   budget: status.name, consumedUSD: consumed, limitUSD: limit, exhaustsAt: exhaustsAt, resetsAt: resetsAt, now: now) {
                conditions.append(condition)
            }
        }
        return conditions
    }

    /// The name of a telemetry budget report without `genops.budget.name`: its most specific owner.
    static func derivedName(_ attribution: Attribution) -> String {
        if let team = attribution.team { return "team:\(team)" }
        if let project = attribution.project { return "project:\(project)" }
        if let customer = attribution.customer { return "customer:\(customer)" }
        return "all"
    }
}
