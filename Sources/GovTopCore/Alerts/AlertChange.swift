/// What the alert book did with an observation or a tick, for the engine's log and the UI's bell.
public struct AlertChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A new alert (new id).
        case raised
        /// An active alert was seen again; its count, last sighting, message and perhaps severity changed.
        case updated
        /// A resolved alert's condition came back soon enough to re-open it (same id, ack cleared).
        case reactivated
        /// The condition was not seen for the hysteresis time.
        case resolved
        /// A new alert could not be kept: the log is full of alerts that outrank it. `alert` shows what
        /// it would have been; its id is not in the log.
        case dropped
    }

    public var kind: Kind
    /// The alert after the change.
    public var alert: Alert
    /// The severity before the change; equal to `alert.severity` for new alerts.
    public var previousSeverity: AlertSeverity

    public init(kind: Kind, alert: Alert, previousSeverity: AlertSeverity) {
        self.kind = kind
        self.alert = alert
        self.previousSeverity = previousSeverity
    }

    public var severityChanged: Bool { previousSeverity != alert.severity }

    /// Worth telling a person about (logging): anything but an update that kept the severity.
    public var isNotable: Bool { kind != .updated || severityChanged }

    /// A critical alert appeared: raised or re-activated as critical, or escalated to critical.
    public var ringsBell: Bool {
        guard alert.severity == .critical else { return false }
        switch kind {
        case .raised, .reactivated: return true
        case .updated: return previousSeverity < .critical
        case .resolved, .dropped: return false
        }
    }
}
