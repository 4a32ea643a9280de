/// Violations per policy at one moment, for `GET /api/v1/policies`, the UI and `/metrics`.
public struct PolicyStatsSnapshot: Sendable, Hashable {
    /// Most violations first, then by name.
    public var policies: [PolicySummary]
    public var totalViolations: Int

    public init(policies: [PolicySummary] = [], totalViolations: Int = 0) {
        self.policies = policies
        self.totalViolations = totalViolations
    }

    public subscript(name: String) -> PolicySummary? { policies.first { $0.name == name } }
}

/// One policy's counts. A name can be both a local rule and a policy reported in telemetry; its
/// counts then add up both.
public struct PolicySummary: Sendable, Hashable {
    /// How a local rule is configured.
    public struct LocalRule: Sendable, Hashable {
        public var action: PolicyAction
        public var severity: AlertSeverity

        public init(action: PolicyAction, severity: AlertSeverity) {
            self.action = action
            self.severity = severity
        }
    }

    public var name: String
    /// Set when a local rule has this name.
    public var localRule: LocalRule?
    public var reportedInTelemetry: Bool
    public var violations: Int
    /// Telemetry outcomes with result `allowed` (not violations).
    public var allowed: Int
    /// Violations by result: telemetry results (`blocked`, `warning`, ...) and local ones
    /// (`alerted`, `logged`, `redacted`).
    public var byResult: [String: Int]
    public var byViolationType: [String: Int]
    /// Violations by team; `(unattributed)` when the span had none.
    public var byTeam: [String: Int]
    /// Telemetry violations by GenOps `genops.policy.reason_code` (those that sent one).
    /// Local rules have no reason code and are not counted here.
    public var byReasonCode: [String: Int]

    public init(name: String, localRule: LocalRule? = nil, reportedInTelemetry: Bool = false, violations: Int = 0,
                allowed: Int = 0, byResult: [String: Int] = [:], byViolationType: [String: Int] = [:], byTeam: [String: Int] = [:],
                byReasonCode: [String: Int] = [:]) {
        self.name = name
        self.localRule = localRule
        self.reportedInTelemetry = reportedInTelemetry
        self.violations = violations
        self.allowed = allowed
        self.byResult = byResult
        self.byViolationType = byViolationType
        self.byTeam = byTeam
        self.byReasonCode = byReasonCode
    }
}
