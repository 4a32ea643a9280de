/// Decides, for one sink, which alert changes become notifications: the severity and kind filters,
/// repeat suppression and resolved messages. Pure: fed changes and times, it returns reasons.
///
/// The rules, with `repeat_after` = R:
/// - A change that fires (raised, re-activated, escalated) at or above `minSeverity`, of a wanted
///   kind, is sent, unless the same alert (kind and subject) was last sent less than R ago at the same
///   or a higher severity: then it is suppressed (a flapping alert is told once per R). A severity
///   above the one last sent always goes through (`escalated`).
/// - A resolution is sent only for an alert whose latest firing was sent and not yet resolved, so
///   every message a person got about an alert is followed by at most one "resolved".
/// - `reminders` re-sends (`repeated`) alerts still firing R after they were last sent, when R > 0.
/// - Memory is bounded (`capacity` alerts); the alert sent longest ago is forgotten first.
public struct NotificationGate: Sendable {
    struct Sent: Sendable {
        var at: UInt64
        var severity: AlertSeverity
        var resolved: Bool
    }

    struct Key: Hashable, Sendable {
        var kind: AlertKind
        var subject: String
    }

    public let minSeverity: AlertSeverity
    public let kinds: Set<AlertKind>
    public let sendResolved: Bool
    let repeatAfter: UInt64
    let capacity: Int
    private var sent: [Key: Sent] = [:]
    /// Firing changes held back by repeat suppression.
    public private(set) var suppressed = 0

    public init(settings: NotificationSinkSettings, capacity: Int = 4096) {
        minSeverity = settings.minSeverity
        kinds = settings.kinds
        sendResolved = settings.sendResolved
        repeatAfter = AlertBook.nanoseconds(settings.repeatAfterSeconds)
        self.capacity = max(1, capacity)
    }

    /// What to tell the sink about `change` at `now`; nil for nothing.
    public mutating func admit(_ change: AlertChange, now: UInt64) -> NotificationEvent.Reason? {
        let alert = change.alert
        guard kinds.isEmpty || kinds.contains(alert.kind) else { return nil }
        let key = Key(kind: alert.kind, subject: alert.subject)
        switch change.kind {
        case .dropped:
            return nil
        case .resolved:
            guard sendResolved, let last = sent[key], !last.resolved else { return nil }
            sent[key]?.resolved = true
            return .resolved
        case .updated where !(change.severityChanged && alert.severity > change.previousSeverity):
            return nil
        case .raised, .reactivated, .updated:
            guard alert.severity >= minSeverity else { return nil }
            if let last = sent[key] {
                if !last.resolved, alert.severity > last.severity {
                    remember(key, Sent(at: now, severity: alert.severity, resolved: false))
                    return .escalated
                }
                if repeatAfter > 0, alert.severity <= last.severity, AlertBook.elapsed(from: last.at, to: now) < repeatAfter {
                    suppressed += 1
                    return nil
                }
                if !last.resolved, change.kind == .updated { return nil }
            }
            remember(key, Sent(at: now, severity: alert.severity, resolved: false))
            return .firing
        }
    }

    /// The active alerts among `alerts` that were sent, are still firing and were last sent at least
    /// `repeat_after` ago; each is marked as sent now. Empty when `repeat_after` is 0.
    public mutating func reminders(_ alerts: [Alert], now: UInt64) -> [Alert] {
        guard repeatAfter > 0 else { return [] }
        var due: [Alert] = []
        for alert in alerts where alert.isActive && alert.severity >= minSeverity {
            let key = Key(kind: alert.kind, subject: alert.subject)
            guard let last = sent[key], !last.resolved, AlertBook.elapsed(from: last.at, to: now) >= repeatAfter else { continue }
            sent[key] = Sent(at: now, severity: max(last.severity, alert.severity), resolved: false)
            due.append(alert)
        }
        return due
    }

    private mutating func remember(_ key: Key, _ value: Sent) {
        if sent[key] == nil, sent.count >= capacity, let oldest = sent.min(by: { $0.value.at < $1.value.at })?.key {
            sent[oldest] = nil
        }
        sent[key] = value
    }
}
