/// The alert changes waiting for the notifier, kept by the engine under its lock. Only changes a
/// person is told about are kept (`AlertChange.isNotable`, not `dropped`), and only once sinks are
/// configured. Bounded: when the notifier falls this far behind, the oldest change is dropped (counted).
struct NotificationOutbox {
    static let capacity = 1024

    var enabled = false
    private(set) var changes: [AlertChange] = []
    private(set) var dropped = 0

    mutating func record(_ change: AlertChange) {
        guard enabled, change.isNotable, change.kind != .dropped else { return }
        if changes.count >= Self.capacity {
            changes.removeFirst()
            dropped += 1
        }
        changes.append(change)
    }

    mutating func drain() -> [AlertChange] {
        defer { changes = [] }
        return changes
    }
}

/// What the notifier takes from the engine in one short lock (`Engine.drainNotifications`).
public struct NotificationDrain: Sendable {
    /// Notable alert changes since the last drain, in the order they happened.
    public var changes: [AlertChange]
    /// The budget behind each budget alert among `changes` and `active`, by alert subject.
    public var budgets: [String: BudgetStatus]
    /// Active alerts, when asked for (repeat reminders); empty otherwise.
    public var active: [Alert]
    /// Changes the engine's outbox dropped so far because the notifier was behind.
    public var outboxDropped: Int

    public init(changes: [AlertChange] = [], budgets: [String: BudgetStatus] = [:], active: [Alert] = [], outboxDropped: Int = 0) {
        self.changes = changes
        self.budgets = budgets
        self.active = active
        self.outboxDropped = outboxDropped
    }
}
