/// The alert state machine. It is fed the conditions that hold now (`observe`) and a periodic tick
/// (`evaluate`), and says what changed; it does no I/O and reads no clock (times are Unix nanoseconds).
///
/// The rules, with `resolveAfterSeconds` = R and `reactivateWithinSeconds` = W from `AlertSettings`:
/// - An alert is filed under its condition's `kind` and `subject`: a budget has one threshold alert
///   whose message and severity follow its utilization, a policy has one alert per team, and so on.
/// - **Resolve**: an active alert resolves on the first `evaluate` at least R after its last sighting.
///   A condition that blinks off and on faster than R therefore keeps one active alert.
/// - **Re-activate**: a condition that comes back within W of its alert's resolution re-opens that same
///   alert (same id, count + 1, acknowledgement cleared) rather than raising a new one; later than W, or
///   after `clearResolved()` removed it, it raises a new alert with a new id.
/// - **Severity**: a higher severity applies at once (escalation); a lower one replaces it only once the
///   higher one has not been seen for R, so a value wobbling across a severity boundary keeps the higher
///   severity. The message is always the latest one.
/// - **Acknowledgement** survives updates, escalation included; re-activation clears it.
/// - **Bounded log**: at most `maxAlerts` alerts. To admit a new one the book evicts, in this order, the
///   oldest resolved alert, then the oldest active info, warning, critical alert, but never one of a
///   higher class than the newcomer: then the newcomer is dropped instead. Both count in `droppedCount`.
public struct AlertBook: Sendable {
    private var entries: [String: AlertEntry] = [:]
    private var latestByIdentity: [AlertIdentity: String] = [:]
    private var nextNumber: UInt64 = 1
    private let resolveAfter: UInt64
    private let reactivateWithin: UInt64
    private let capacity: Int

    /// Alerts evicted from the full log, plus new alerts the full log could not admit.
    public private(set) var droppedCount = 0

    public init(settings: AlertSettings = AlertSettings()) {
        resolveAfter = AlertBook.nanoseconds(settings.resolveAfterSeconds)
        reactivateWithin = AlertBook.nanoseconds(settings.reactivateWithinSeconds)
        capacity = max(1, settings.maxAlerts)
    }

    /// Records that `condition` holds at `now`: raises, updates or re-activates its alert.
    @discardableResult
    public mutating func observe(_ condition: AlertCondition, now: UInt64) -> AlertChange {
        let identity = condition.identity
        if let id = latestByIdentity[identity], var entry = entries[id] {
            if entry.alert.isActive {
                let change = entry.update(with: condition, now: now, severityHold: resolveAfter)
                entries[id] = entry
                return change
            }
            if let resolvedAt = entry.alert.resolvedAt, AlertBook.elapsed(from: resolvedAt, to: now) <= reactivateWithin {
                let change = entry.reactivate(with: condition, now: now)
                entries[id] = entry
                return change
            }
        }
        return raise(condition, now: now)
    }

    /// Observes several conditions at the same instant.
    @discardableResult
    public mutating func observe(_ conditions: [AlertCondition], now: UInt64) -> [AlertChange] {
        conditions.map { observe($0, now: now) }
    }

    /// The periodic tick: resolves active alerts not seen for `resolveAfterSeconds`, oldest alert first.
    @discardableResult
    public mutating func evaluate(now: UInt64) -> [AlertChange] {
        let due = entries.values
            .filter { $0.alert.isActive && AlertBook.elapsed(from: $0.alert.lastSeen, to: now) >= resolveAfter }
            .sorted { $0.number < $1.number }
        return due.map { entry in
            var resolved = entry
            resolved.alert.state = .resolved
            resolved.alert.resolvedAt = max(now, entry.alert.lastSeen)
            entries[entry.alert.id] = resolved
            return AlertChange(kind: .resolved, alert: resolved.alert, previousSeverity: entry.alert.severity)
        }
    }

    /// Resolves the active alert filed under `kind` and `subject` at once, without waiting for the
    /// hysteresis time: for conditions whose end is known for certain (a sink delivering again).
    /// Nil when no such alert is active.
    public mutating func resolve(kind: AlertKind, subject: String, now: UInt64) -> AlertChange? {
        guard let id = latestByIdentity[AlertIdentity(kind: kind, subject: subject)], let entry = entries[id],
              entry.alert.isActive else { return nil }
        var resolved = entry
        resolved.alert.state = .resolved
        resolved.alert.resolvedAt = max(now, entry.alert.lastSeen)
        entries[id] = resolved
        return AlertChange(kind: .resolved, alert: resolved.alert, previousSeverity: entry.alert.severity)
    }

    /// Marks an alert as seen by a person. False when no alert in the log has this id.
    @discardableResult
    public mutating func acknowledge(id: String) -> Bool {
        guard entries[id] != nil else { return false }
        entries[id]?.alert.acknowledged = true
        return true
    }

    /// Removes every resolved alert from the log (the UI's `c` key) and says how many went. A condition
    /// that comes back afterwards raises a new alert.
    @discardableResult
    public mutating func clearResolved() -> Int {
        let resolved = entries.values.filter { !$0.alert.isActive }
        for entry in resolved { remove(entry) }
        return resolved.count
    }

    /// Every alert in the log, most recently seen first (ties: the newer alert first).
    public func alerts() -> [Alert] {
        entries.values.sorted(by: AlertEntry.isSeenLater).map(\.alert)
    }

    public func alert(id: String) -> Alert? {
        entries[id]?.alert
    }

    /// Alerts in the log, active and resolved.
    public var count: Int { entries.count }

    /// Active alerts by severity.
    public func counts() -> AlertCounts {
        var counts = AlertCounts()
        for entry in entries.values where entry.alert.isActive {
            counts[entry.alert.severity] += 1
            if !entry.alert.acknowledged { counts.unacknowledged += 1 }
        }
        return counts
    }

    private mutating func raise(_ condition: AlertCondition, now: UInt64) -> AlertChange {
        let number = nextNumber
        nextNumber += 1
        let entry = AlertEntry(condition: condition, number: number, now: now)
        if entries.count >= capacity {
            guard let victim = evictionCandidate(), victim.evictionClass <= entry.evictionClass else {
                droppedCount += 1
                return AlertChange(kind: .dropped, alert: entry.alert, previousSeverity: entry.alert.severity)
            }
            remove(victim)
            droppedCount += 1
        }
        entries[entry.alert.id] = entry
        latestByIdentity[condition.identity] = entry.alert.id
        return AlertChange(kind: .raised, alert: entry.alert, previousSeverity: entry.alert.severity)
    }

    private func evictionCandidate() -> AlertEntry? {
        entries.values.min { lhs, rhs in
            (lhs.evictionClass, lhs.alert.lastSeen, lhs.number) < (rhs.evictionClass, rhs.alert.lastSeen, rhs.number)
        }
    }

    private mutating func remove(_ entry: AlertEntry) {
        entries[entry.alert.id] = nil
        let identity = AlertIdentity(kind: entry.alert.kind, subject: entry.alert.subject)
        if latestByIdentity[identity] == entry.alert.id { latestByIdentity[identity] = nil }
    }

    // ledger (issue 11): the log as the ledger of record keeps it, and back after a restart.
    public func record() -> AlertLogRecord {
        AlertLogRecord(alerts: entries.values.sorted { $0.number < $1.number }
                           .map { AlertRecord(alert: $0.alert, number: $0.number, severitySeenAt: $0.severitySeenAt) },
                       nextNumber: nextNumber, droppedCount: droppedCount)
    }

    // ledger (issue 11): alerts keep their ids, acknowledgements and history; new ids continue after them.
    public mutating func restore(_ record: AlertLogRecord) {
        for saved in record.alerts.prefix(capacity) {
            entries[saved.alert.id] = AlertEntry(alert: saved.alert, number: saved.number, severitySeenAt: saved.severitySeenAt)
            latestByIdentity[AlertIdentity(kind: saved.alert.kind, subject: saved.alert.subject)] = saved.alert.id
        }
        nextNumber = max(nextNumber, record.nextNumber, (record.alerts.map(\.number).max() ?? 0) + 1)
        droppedCount = record.droppedCount
    }

    static func elapsed(from start: UInt64, to end: UInt64) -> UInt64 {
        end >= start ? end - start : 0
    }

    /// Seconds as nanoseconds; negative and NaN count as 0, anything beyond UInt64 as forever.
    static func nanoseconds(_ seconds: Double) -> UInt64 {
        guard seconds > 0 else { return 0 }
        let nanoseconds = seconds * 1e9
        return nanoseconds < 1.8e19 ? UInt64(nanoseconds) : UInt64.max
    }
}
