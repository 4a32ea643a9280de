/// The GenOps Governance Specification v0.1 facts: accounting and SLA, read from the span and, for
/// accounting, from its `genops.budget.reservation` and `genops.budget.reconciliation` events.
extension Normalizer {
    /// Largest accounting amount in a unit other than `USD` or `tokens` that is kept.
    static let maxOtherAccountingAmount = 1e15

    /// The span's accounting report: each of unit, reserved and actual from the span, else from the
    /// first event that carries it. Nil when no unit is declared anywhere (amounts without a unit
    /// mean nothing) or when neither amount is present.
    static func accounting(own: FactValues, events: [FactValues], rejected: inout [String]) -> AccountingReport? {
        func first(_ fact: Fact) -> FactValues? {
            own.has(fact) ? own : events.first { $0.has(fact) }
        }
        guard let unitText = first(.accountingUnit)?.text(.accountingUnit) else { return nil }
        let unit = AccountingReport.Unit(unitText)
        func amount(_ fact: Fact) -> AccountingReport.Amount? {
            guard let values = first(fact) else { return nil }
            switch unit {
            case .usd:
                return accept(values.amount(fact, limit: ValueBounds.maxSpanCostUSD), into: &rejected).map { .usd($0) }
            case .tokens:
                return accept(values.count(fact), into: &rejected).map { .tokens($0) }
            case .other:
                return accept(values.number(fact, in: 0...maxOtherAccountingAmount), into: &rejected).map { .other($0) }
            }
        }
        let report = AccountingReport(unit: unit, reserved: amount(.accountingReserved), actual: amount(.accountingActual))
        return report.reserved == nil && report.actual == nil ? nil : report
    }

    /// The span's SLA outcome: `genops.sla.met` when sent, else actual ≤ target latency when both are
    /// numbers. Nil when the span has no SLA attributes or no way to tell met from missed.
    static func sla(_ values: FactValues) -> SLAOutcome? {
        guard values.has(.slaTier) || values.has(.slaMet) || values.has(.slaLatencyTarget) || values.has(.slaActualLatency) else { return nil }
        let tier = values.text(.slaTier)
        if let met = values[.slaMet]?.boolean { return SLAOutcome(tier: tier, met: met) }
        guard let target = values[.slaLatencyTarget]?.number, let actual = values[.slaActualLatency]?.number,
              target.isFinite, actual.isFinite else { return nil }
        return SLAOutcome(tier: tier, met: actual <= target)
    }
}
