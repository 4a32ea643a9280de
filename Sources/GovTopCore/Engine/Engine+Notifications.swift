/// The engine and the notification sinks (issue 15): alert changes wait in a bounded outbox under the
/// engine's lock until the notifier takes them; delivery state lives on a board of its own.
extension Engine {
    /// Starts keeping alert changes for the notifier and shows `sinks` as idle. Call once, before
    /// the notifier's first drain.
    public func enableNotifications(_ sinks: [SinkStatus]) {
        state.withLock { $0.notificationOutbox.enabled = true }
        notificationBoard.update { $0.sinks = sinks }
    }

    /// The alert changes since the last drain (one short lock), with the budgets of budget alerts;
    /// with `includeActive`, also the active alerts (for repeat reminders).
    public func drainNotifications(includeActive: Bool = false) -> NotificationDrain {
        let now = clock.now()
        return state.withLock { state in
            let changes = state.notificationOutbox.drain()
            let active = includeActive ? state.alerts.alerts().filter(\.isActive) : []
            var budgets: [String: BudgetStatus] = [:]
            if (changes.map(\.alert) + active).contains(where: { $0.kind.isBudget }) {
                for status in state.budgetStatuses(now: now) {
                    budgets[AlertCondition.budgetSubject(status.name)] = status
                }
            }
            return NotificationDrain(changes: changes, budgets: budgets, active: active,
                                     outboxDropped: state.notificationOutbox.dropped)
        }
    }

    /// Raises (or keeps up) the failure alert of a sink that failed `failures` attempts in a row.
    public func recordNotificationFailure(sink: String, target: String, failures: Int, error: String) {
        let now = clock.now()
        let condition = AlertCondition.notificationFailure(sink: sink, target: target, failures: failures, error: error)
        state.withLock { state in state.record(state.alerts.observe(condition, now: now)) }
    }

    /// Resolves a sink's failure alert, if one is active: the sink delivered again.
    public func recordNotificationRecovery(sink: String) {
        let now = clock.now()
        state.withLock { state in
            if let change = state.alerts.resolve(kind: .notificationFailure, subject: AlertCondition.notificationSubject(sink: sink), now: now) {
                state.record(change)
            }
        }
    }

    /// Publishes one sink's delivery state (the notifier, after every change).
    public func publishNotificationStatus(_ status: SinkStatus, outboxDropped: Int? = nil) {
        notificationBoard.update { snapshot in
            if let index = snapshot.sinks.firstIndex(where: { $0.name == status.name }) {
                snapshot.sinks[index] = status
            } else {
                snapshot.sinks.append(status)
            }
            if let outboxDropped { snapshot.outboxDropped = outboxDropped }
        }
    }

    /// Publishes the state of the fleet's notification claims (fleet: issue 16).
    public func publishFleetClaimStatus(_ status: FleetClaimStatus) {
        notificationBoard.update { $0.fleet = status }
    }

    /// Every sink's delivery state, in configuration order (empty without sinks).
    public func notificationsSnapshot() -> NotificationsSnapshot {
        notificationBoard.snapshot()
    }
}

extension AlertKind {
    /// The kinds about a budget, whose subject is `budget <name>`.
    public var isBudget: Bool {
        self == .budgetThreshold || self == .budgetExceeded || self == .budgetProjectedExhaustion
    }
}
