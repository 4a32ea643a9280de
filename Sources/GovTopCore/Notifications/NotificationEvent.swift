/// One message for one sink: an alert that fires (raised, back, escalated or repeated) or resolved,
/// with its budget's state for budget alerts. Built from the alert log's stored values only.
public struct NotificationEvent: Sendable, Hashable {
    /// Why the sink hears about the alert now.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// A new alert, or one that came back.
        case firing
        /// Still firing at a higher severity than the sink was last told.
        case escalated
        /// Still firing after `repeat_after`.
        case repeated
        /// The condition cleared.
        case resolved
    }

    public var reason: Reason
    public var alert: Alert
    /// The budget the alert is about, with its projection; nil for other alerts.
    public var budget: BudgetStatus?

    /// Text from telemetry (team and policy names, reasons) reaches sinks with its control characters
    /// replaced, like the screen shows it: a receiver may print it to a terminal or a chat.
    public init(reason: Reason, alert: Alert, budget: BudgetStatus? = nil) {
        self.reason = reason
        var alert = alert
        alert.subject = ControlCharacters.replaced(in: alert.subject)
        alert.message = ControlCharacters.replaced(in: alert.message)
        self.alert = alert
        self.budget = budget.map { budget in
            var budget = budget
            budget.name = ControlCharacters.replaced(in: budget.name)
            budget.scope = budget.scope.mapValues(ControlCharacters.replaced(in:))
            budget.period = budget.period.map(ControlCharacters.replaced(in:))
            return budget
        }
    }

    /// One line for a person (Slack, logs): `[CRITICAL] budget exceeded: Budget team:ml is over its limit …`,
    /// `[RESOLVED] …`. No control characters.
    public var line: String {
        let tag = reason == .resolved ? "RESOLVED" : alert.severity.rawValue.uppercased()
        let prefix = reason == .repeated ? "still firing: " : reason == .escalated ? "escalated: " : ""
        return ControlCharacters.replaced(in: "[\(tag)] \(alert.kind.label): \(prefix)\(alert.message) (\(alert.subject), alert \(alert.id))")
    }
}
