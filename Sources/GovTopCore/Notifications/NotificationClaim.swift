/// fleet (issue 16): one instance's bid to be the one that tells a sink about a fleet-wide alert.
///
/// Every instance of a fleet computes budget alerts from the same fleet figures, so every one would
/// notify. Before a fleet-wide notification goes out, the instance claims it in the shared ledger;
/// the claim is granted to one instance only, and the others record it as notified elsewhere.
///
/// A claim is a transition of the alert, as a sink heard of it, to a new state: `fire` at a severity
/// (granted when the alert was resolved, never claimed, or at a lower severity: a late instance's
/// warning after another's escalation is not sent), `resolve` (granted when it was firing), and
/// `remind` (granted when it is firing and no reminder or firing was claimed for `leaseSeconds`).
public struct NotificationClaim: Sendable, Hashable {
    public enum Request: Sendable, Hashable {
        case fire(AlertSeverity)
        case resolve
        case remind(AlertSeverity, leaseSeconds: Double)
    }

    /// The sink's configured name: instances with a sink of the same name share its notifications.
    public var sink: String
    public var kind: AlertKind
    public var subject: String
    public var request: Request

    public init(sink: String, kind: AlertKind, subject: String, request: Request) {
        self.sink = sink
        self.kind = kind
        self.subject = subject
        self.request = request
    }

    /// The claim for telling `sink` about `event`; a reminder's lease is half the sink's `repeat_after`,
    /// so the instances' reminders, which drift apart by a few seconds, make one per period.
    public init(sink: String, event: NotificationEvent, repeatAfterSeconds: Double) {
        let request: Request
        switch event.reason {
        case .firing, .escalated: request = .fire(event.alert.severity)
        case .resolved: request = .resolve
        case .repeated: request = .remind(event.alert.severity, leaseSeconds: max(1, repeatAfterSeconds / 2))
        }
        self.init(sink: sink, kind: event.alert.kind, subject: event.alert.subject, request: request)
    }
}

/// The answer to a claim.
public enum NotificationClaimOutcome: Sendable, Hashable {
    /// This instance tells the sink.
    case won
    /// Another instance (named) claimed it; this one does not send.
    case lost(by: String)
}

/// Where claims are decided: the shared ledger (`PostgresLedgerStore`). Called from the notifier's
/// claim thread only, never on the ingest path; each call is bounded by the store's timeout.
public protocol NotificationClaimStore: Sendable {
    /// This instance's name in the fleet (`instance=` of the ledger URL).
    var instance: String { get }

    func claim(_ claim: NotificationClaim) throws(LedgerStoreError) -> NotificationClaimOutcome
}

extension NotificationEvent {
    /// Whether every instance of a fleet sees this alert alike, so one notification is enough: an
    /// alert about a calendar-period budget, whose consumption is the fleet's. A rolling budget is
    /// each instance's own, as are ingest, ledger and sink failures: those notify per instance.
    public var isFleetWide: Bool {
        guard alert.kind.isBudget, let period = budget?.period.flatMap(BudgetPeriod.init(rawValue:)) else { return false }
        return !period.isRolling
    }
}
