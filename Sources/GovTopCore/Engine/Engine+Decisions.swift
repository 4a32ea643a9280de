import Synchronization

/// decide (issue 15): the decision endpoint's reads. The engine rebuilds the decision table under
/// its lock whenever budget consumption changes (ingest, metered usage, restore, tick) and
/// publishes it behind a lock of its own, so a decision never waits for ingest.
extension Engine {
    /// Whether a request in `scope` may go ahead now, and which budgets warn about it.
    public func decide(_ scope: DecisionScope) -> Decision {
        decide(scope, at: clock.now())
    }

    /// The decision at `now` (the engine's clock, `currentTime()`), for answers that also say how
    /// long a refusal lasts.
    public func decide(_ scope: DecisionScope, at now: UInt64) -> Decision {
        decisions.withLock { $0 }.decide(scope, now: now)
    }

    /// The current table (tests and the benchmark).
    public func decisionTable() -> DecisionTable {
        decisions.withLock { $0 }
    }
}

extension EngineState {
    /// Rebuilds the decision table after consumption changed (here or, in a fleet, on another
    /// instance: `Engine.applyFleet`), when any budget can refuse or warn. Called under the engine's
    /// lock, so tables are published in the order of the changes.
    func publishDecisions(to table: borrowing Mutex<DecisionTable>, now: UInt64) {
        guard budgets.informsDecisions else { return }
        let rebuilt = budgets.decisionTable(now: now, fleet: fleet)
        table.withLock { $0 = rebuilt }
    }
}
