/// One alert in the alert log: a condition that held at some point, tracked from its first to its last
/// sighting. Alerts are identified by `kind` and `subject`; `id` is what the API and the UI use.
public struct Alert: Sendable, Hashable, Codable {
    /// `a1`, `a2`, ...: never reused while the process runs, also not after the alert left the log.
    public var id: String
    public var kind: AlertKind
    public var severity: AlertSeverity
    /// What the alert is about, e.g. `budget team:ml` or `policy pii-filter / team ml`.
    public var subject: String
    /// The latest description of the condition, for a person.
    public var message: String
    /// Unix nanoseconds of the first sighting (kept across re-activations).
    public var firstSeen: UInt64
    /// Unix nanoseconds of the latest sighting.
    public var lastSeen: UInt64
    /// Occurrences: the counted events (violations, failures) for event conditions; for conditions that
    /// simply hold (budgets, spikes), how many times the alert was raised or re-activated.
    public var count: Int
    public var state: AlertState
    /// Unix nanoseconds of the resolution; nil while active.
    public var resolvedAt: UInt64?
    /// Set by a person; kept through updates, cleared when a resolved alert re-activates.
    public var acknowledged: Bool

    public init(id: String, kind: AlertKind, severity: AlertSeverity, subject: String, message: String, firstSeen: UInt64,
                lastSeen: UInt64, count: Int, state: AlertState = .active, resolvedAt: UInt64? = nil, acknowledged: Bool = false) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.subject = subject
        self.message = message
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.count = count
        self.state = state
        self.resolvedAt = resolvedAt
        self.acknowledged = acknowledged
    }

    public var isActive: Bool { state == .active }
}

/// What an alert is about. The raw values are the names the JSON API uses.
public enum AlertKind: String, CaseIterable, Sendable, Hashable, Codable {
    /// A budget's utilization crossed one of its alert thresholds.
    case budgetThreshold = "budget_threshold"
    /// A budget's consumption reached its limit.
    case budgetExceeded = "budget_exceeded"
    /// At the current rate a budget runs out before its period ends.
    case budgetProjectedExhaustion = "budget_projected_exhaustion"
    /// Requests violated a policy (grouped per policy and team).
    case policyViolation = "policy_violation"
    /// Evaluations failed (grouped per metric and team).
    case evaluationFailure = "evaluation_failure"
    /// The 1-minute cost rate is far above the 1-hour baseline.
    case costSpike = "cost_spike"
    /// The 5-minute error rate is above its threshold.
    case errorRateSpike = "error_rate_spike"
    /// The ledger of record on disk could not be written (ledger: issue 11).
    case ledgerWriteFailure = "ledger_write_failure"
    /// The fleet's figures could not be read from the shared ledger (fleet: issue 16).
    case fleetReadFailure = "fleet_read_failure"
    /// A team's share of GenOps SLA misses (`genops.sla.met` false) is above its threshold.
    case slaMissRate = "sla_miss_rate"
    /// A notification sink failed several deliveries in a row (notifications: issue 15).
    case notificationFailure = "notification_failure"

    /// A short label for tables, e.g. `budget threshold`.
    public var label: String {
        switch self {
        case .budgetThreshold: "budget threshold"
        case .budgetExceeded: "budget exceeded"
        case .budgetProjectedExhaustion: "budget projection"
        case .policyViolation: "policy violation"
        case .evaluationFailure: "evaluation failure"
        case .costSpike: "cost spike"
        case .errorRateSpike: "error-rate spike"
        case .ledgerWriteFailure: "ledger write failure"
        case .fleetReadFailure: "fleet read failure"
        case .slaMissRate: "SLA miss rate"
        case .notificationFailure: "notification failure"
        }
    }
}

/// Whether the alert's condition still holds (within the hysteresis time).
public enum AlertState: String, CaseIterable, Sendable, Hashable, Codable {
    case active, resolved
}
