/// The engine in a fleet sharing one ledger (issue 16): the writer's drain with its baseline and the
/// fleet figures read after a commit. Readers (`/api/v1/summary`, `/groups`, `/budgets`, the budget
/// alerts, the decision table) then show fleet-committed figures plus this instance's pending deltas
/// (`FleetOverlay`).
extension Engine {
    /// Marks the engine as one of a fleet: its reads include other instances' committed figures.
    public func joinFleet() {
        state.withLock { $0.fleet.enable() }
    }

    /// `drainLedger`, plus what this instance had counted at that moment (same lock).
    public func drainLedgerForFleet(pricingID: String) -> (commit: LedgerCommit, baseline: FleetBaseline) {
        state.withLock { state in
            var series: [LedgerSeries: Totals] = [.all: state.ledger.totals]
            for table in state.ledger.tables {
                for group in table.groupTotals { series[LedgerSeries(dimension: table.dimension, key: group.key)] = group.totals }
            }
            var budgets: [String: FleetBudget] = [:]
            for tracker in state.budgets.trackers {
                let record = tracker.periodRecord
                budgets[record.name] = FleetBudget(windowStart: record.window.start, consumed: record.consumed)
            }
            let commit = LedgerCommit(buckets: state.ledger.deltas.drain(), pricingID: pricingID,
                                      budgets: state.budgets.trackers.map(\.periodRecord), alerts: state.alerts.record())
            return (commit, FleetBaseline(series: series, budgets: budgets))
        }
    }

    /// Takes the fleet's committed figures, read after the commit of the drain that made `baseline`,
    /// and republishes the decision table: other instances' spend can exhaust a `block` budget here.
    public func applyFleet(_ figures: FleetFigures, baseline: FleetBaseline) {
        let now = clock.now()
        let subject = AlertCondition.fleetReadSubject(path: ledgerLink.path)
        state.withLock { state in
            state.fleet.update(fleet: figures, baseline: baseline, at: now)
            state.publishDecisions(to: decisions, now: now)
            if let change = state.alerts.resolve(kind: .fleetReadFailure, subject: subject, now: now) { state.record(change) }
        }
    }

    /// Counts a fleet read that failed: the database did not answer, or the store refused what it
    /// read (a corrupt or negative amount). The previous fleet figures stay; the critical alert says so.
    public func recordFleetReadFailure(_ error: LedgerStoreError) {
        recordLedgerFailure(counting: \.fleet.readFailures) { .fleetReadFailure(path: $0, message: error.description, failures: $1) }
    }
}
