/// The engine and its ledger of record (issue 11): restoring at start-up, handing deltas to the
/// writer, counting failed writes, and reading history. None of it does I/O under the engine's lock.
extension Engine {
    /// Reads what a previous run left in `store`, puts it back (group and overall totals, budget
    /// consumption of the current periods, the alert log with its acknowledgements), and starts
    /// collecting deltas for it. Call once, at start-up, before the receiver accepts exports.
    ///
    /// - Parameter path: where the store lives, for messages (the failure alert names it).
    public func restore(from store: any LedgerStore, path: String) throws(LedgerStoreError) {
        let snapshot = try store.restore()
        let now = clock.now()
        ledgerLink.attach(store, path: path)
        state.withLock { state in
            state.ledger.restore(snapshot)
            state.budgets.restore(snapshot.budgets, now: now)
            state.publishDecisions(to: decisions, now: now) // decide (issue 15)
            if let alerts = snapshot.alerts { state.alerts.restore(alerts) }
            state.ledger.deltas.enable()
        }
    }

    /// Everything the store has not been told yet (one short lock): the hourly deltas, the budgets'
    /// current periods and the alert log. The writer drops budgets and alerts that did not change.
    public func drainLedger(pricingID: String) -> LedgerCommit {
        state.withLock { state in
            LedgerCommit(buckets: state.ledger.deltas.drain(), pricingID: pricingID,
                         budgets: state.budgets.trackers.map(\.periodRecord), alerts: state.alerts.record())
        }
    }

    /// Counts a failed commit and raises (or keeps up) the critical alert that says so.
    public func recordLedgerWriteFailure(_ error: LedgerStoreError) {
        recordLedgerFailure(counting: \.ledger.deltas.writeErrors) {
            .ledgerWriteFailure(path: $0, message: error.description, failures: $1)
        }
    }

    /// Counts deltas the ledger writer left out of its pending batch (`ledger_buckets_dropped`).
    func countDroppedLedgerDeltas(_ count: Int) {
        state.withLock { $0.ledger.deltas.countDropped(count) }
    }

    /// Adds one to `counter` and raises (or keeps up) the alert `condition` makes of the store's path
    /// and the count (a failed commit, or a fleet read that failed: Engine+Fleet.swift).
    func recordLedgerFailure(counting counter: WritableKeyPath<EngineState, Int> & Sendable,
                             _ condition: @Sendable (_ path: String, _ failures: Int) -> AlertCondition) {
        let now = clock.now()
        let path = ledgerLink.path
        state.withLock { state in
            state[keyPath: counter] += 1
            state.record(state.alerts.observe(condition(path, state[keyPath: counter]), now: now))
        }
    }

    /// Spend per group over time from the ledger of record (committed deltas: at most the last commit
    /// interval behind). Empty series when no ledger is attached.
    public func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer {
        guard let store = ledgerLink.store else { return HistoryAnswer(query: query, series: []) }
        return try store.history(query)
    }

    /// The engine's clock, in Unix nanoseconds (history ranges end now).
    public func currentTime() -> UInt64 { clock.now() }

    /// Whether a ledger of record is attached (history has something to show).
    public var hasLedger: Bool { ledgerLink.store != nil }
}
