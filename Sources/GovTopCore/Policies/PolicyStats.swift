/// Violations per policy, from outcomes reported in telemetry and from local rules, counted by
/// result, violation type and team. Updated at ingest, O(1) per outcome; names, results, types and
/// teams beyond the caps are counted under `(other)`.
public struct PolicyStats: Sendable {
    /// Caps on distinct labels.
    public struct Limits: Sendable, Hashable {
        /// Distinct policy names (configured rules included).
        public var maxPolicies: Int
        /// Distinct results, violation types and teams, each, per policy.
        public var maxGroupsPerPolicy: Int

        public init(maxPolicies: Int = 500, maxGroupsPerPolicy: Int = 200) {
            self.maxPolicies = maxPolicies
            self.maxGroupsPerPolicy = maxGroupsPerPolicy
        }
    }

    /// Label for outcomes that named no violation type.
    public static let unspecifiedType = "(unspecified)"

    private struct Counters: Sendable {
        var rule: PolicySummary.LocalRule?
        var reportedInTelemetry = false
        var violations = 0
        var allowed = 0
        var byResult: BoundedCounts
        var byType: BoundedCounts
        var byTeam: BoundedCounts
        var byReasonCode: BoundedCounts

        init(limit: Int) {
            byResult = BoundedCounts(limit: limit)
            byType = BoundedCounts(limit: limit)
            byTeam = BoundedCounts(limit: limit)
            byReasonCode = BoundedCounts(limit: limit)
        }

        mutating func count(result: String, type: String, team: String?, reasonCode: String? = nil) {
            violations += 1
            byResult.add(result)
            byType.add(type)
            byTeam.add(team ?? Dimension.unattributed)
            if let reasonCode { byReasonCode.add(reasonCode) }
        }
    }

    public let limits: Limits
    private var policies: [String: Counters] = [:]
    public private(set) var totalViolations = 0

    /// Configured rules are listed from the start, with zero violations until they have some.
    public init(rules: [PolicyRule] = [], limits: Limits = Limits()) {
        self.limits = limits
        for rule in rules {
            update(rule.name) { $0.rule = PolicySummary.LocalRule(action: rule.action, severity: rule.severity) }
        }
    }

    /// Outcomes reported in telemetry for one span: `allowed` is counted as allowed, any other result
    /// as a violation.
    public mutating func record(_ outcomes: [PolicyOutcome], team: String?) {
        for outcome in outcomes {
            update(outcome.name) { counters in
                counters.reportedInTelemetry = true
                guard outcome.isViolation else {
                    counters.allowed += 1
                    return
                }
                counters.count(result: outcome.result, type: outcome.violationType ?? Self.unspecifiedType, team: team,
                               reasonCode: outcome.reasonCode)
            }
            if outcome.isViolation { totalViolations += 1 }
        }
    }

    /// Violations of local rules for one span.
    public mutating func record(_ violations: [LocalViolation], team: String?) {
        for violation in violations {
            update(violation.rule) { counters in
                if counters.rule == nil { counters.rule = PolicySummary.LocalRule(action: violation.action, severity: violation.severity) }
                counters.count(result: violation.result, type: violation.violationType, team: team)
            }
            totalViolations += 1
        }
    }

    /// Policies with the most violations first, then by name.
    public func snapshot() -> PolicyStatsSnapshot {
        let summaries = policies.map { name, counters in
            PolicySummary(name: name, localRule: counters.rule, reportedInTelemetry: counters.reportedInTelemetry,
                          violations: counters.violations, allowed: counters.allowed, byResult: counters.byResult.counts,
                          byViolationType: counters.byType.counts, byTeam: counters.byTeam.counts,
                          byReasonCode: counters.byReasonCode.counts)
        }
        return PolicyStatsSnapshot(
            policies: summaries.sorted { ($1.violations, $0.name) < ($0.violations, $1.name) },
            totalViolations: totalViolations
        )
    }

    private mutating func update(_ name: String, _ change: (inout Counters) -> Void) {
        let key = BoundedCounts.slot(for: name, in: policies, limit: limits.maxPolicies)
        change(&policies[key, default: Counters(limit: limits.maxGroupsPerPolicy)])
    }
}
