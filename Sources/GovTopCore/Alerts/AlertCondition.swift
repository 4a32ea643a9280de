/// A condition that holds now, as fed to `AlertBook.observe`. Conditions with the same `kind` and
/// `subject` describe the same alert: a later one updates it (message, severity, count).
public struct AlertCondition: Sendable, Hashable {
    public var kind: AlertKind
    /// What it is about; together with `kind` it identifies the alert (e.g. one threshold alert per budget).
    public var subject: String
    public var severity: AlertSeverity
    public var message: String
    /// Events this observation adds to the alert's count (violations, failed evaluations). 0 for
    /// conditions that simply hold, such as a budget above a threshold: those count raises instead.
    public var increment: Int

    public init(kind: AlertKind, subject: String, severity: AlertSeverity, message: String, increment: Int = 0) {
        self.kind = kind
        self.subject = subject
        self.severity = severity
        self.message = message
        self.increment = max(0, increment)
    }

    var identity: AlertIdentity { AlertIdentity(kind: kind, subject: subject) }
}

/// The key the alert book files an alert under.
struct AlertIdentity: Hashable, Sendable {
    var kind: AlertKind
    var subject: String
}
