/// An alert with the book-keeping the alert book needs besides what it shows.
struct AlertEntry: Sendable {
    var alert: Alert
    /// Order of creation; `alert.id` is derived from it.
    let number: UInt64
    /// When the alert's current severity was last observed; a lower severity waits for this to age.
    var severitySeenAt: UInt64

    init(condition: AlertCondition, number: UInt64, now: UInt64) {
        alert = Alert(id: "a\(number)", kind: condition.kind, severity: condition.severity, subject: condition.subject,
                      message: condition.message, firstSeen: now, lastSeen: now, count: max(1, condition.increment))
        self.number = number
        severitySeenAt = now
    }

    // ledger (issue 11): an alert restored from the ledger of record.
    init(alert: Alert, number: UInt64, severitySeenAt: UInt64) {
        self.alert = alert
        self.number = number
        self.severitySeenAt = severitySeenAt
    }

    /// Eviction goes from class 0 (resolved) up to 3 (active critical).
    var evictionClass: Int { alert.isActive ? 1 + alert.severity.rank : 0 }

    static func isSeenLater(_ lhs: AlertEntry, _ rhs: AlertEntry) -> Bool {
        (lhs.alert.lastSeen, lhs.number) > (rhs.alert.lastSeen, rhs.number)
    }

    mutating func update(with condition: AlertCondition, now: UInt64, severityHold: UInt64) -> AlertChange {
        let previous = alert.severity
        alert.lastSeen = max(alert.lastSeen, now)
        alert.message = condition.message
        alert.count = AlertEntry.adding(alert.count, condition.increment)
        if condition.severity >= alert.severity {
            alert.severity = condition.severity
            severitySeenAt = max(severitySeenAt, now)
        } else if AlertBook.elapsed(from: severitySeenAt, to: now) >= severityHold {
            alert.severity = condition.severity
            severitySeenAt = now
        }
        return AlertChange(kind: .updated, alert: alert, previousSeverity: previous)
    }

    mutating func reactivate(with condition: AlertCondition, now: UInt64) -> AlertChange {
        let previous = alert.severity
        alert.state = .active
        alert.resolvedAt = nil
        alert.acknowledged = false
        alert.severity = condition.severity
        alert.message = condition.message
        alert.lastSeen = max(alert.lastSeen, now)
        alert.count = AlertEntry.adding(alert.count, max(1, condition.increment))
        severitySeenAt = now
        return AlertChange(kind: .reactivated, alert: alert, previousSeverity: previous)
    }

    private static func adding(_ count: Int, _ increment: Int) -> Int {
        let (sum, overflow) = count.addingReportingOverflow(increment)
        return overflow ? Int.max : sum
    }
}
