import GovTopCore

/// `GET /api/v1/groups`: spend per group of one dimension, most expensive first.
enum GroupsRenderer {
    /// Traced rows first (most expensive first), each with its metered columns; then groups seen
    /// only in metrics (see `GroupsRenderer+Metered.swift`).
    static func render(_ rows: [GroupRow], dimension: Dimension, folded: Int, metered: [String: MeteredTotals] = [:]) -> JSONValue {
        .object([
            ("by", .string(dimension.rawValue)),
            ("folded_into_other", .int(Int64(folded))),
            ("groups", .array(rows.map { row($0, metered: metered[$0.key]) } + meteredOnlyRows(traced: rows, metered: metered))),
        ])
    }

    static func row(_ row: GroupRow, metered: MeteredTotals? = nil) -> JSONValue {
        let totals = row.totals
        return .object([
            ("key", .string(row.key)),
            ("requests", .int(Int64(totals.requests))),
            ("input_tokens", .int(Int64(clamping: totals.inputTokens))),
            ("output_tokens", .int(Int64(clamping: totals.outputTokens))),
            ("cost_usd", .double(totals.cost.usd)),
            ("cost_usd_reported", .double(totals.reportedCost.usd)),
            ("cost_usd_estimated", .double(totals.estimatedCost.usd)),
            ("unpriced_requests", .int(Int64(totals.unpricedRequests))),
            ("errors", .int(Int64(totals.errors))),
            ("policy_violations", .int(Int64(totals.policyViolations))),
            ("eval_failures", .int(Int64(totals.evalFailures))),
            ("cost_usd_per_minute", .double(row.costUSDPerMinute)),
            ("rates", .object([("1m", rates(row.lastMinute)), ("5m", rates(row.last5Minutes)), ("1h", rates(row.lastHour))])),
        ] + accountingFields(totals.accounting) + meteredFields(tracedTokens: totals.inputTokens + totals.outputTokens, metered))
    }

    /// Per-minute averages over one window.
    private static func rates(_ rates: RateSlot) -> JSONValue {
        .object([
            ("cost_usd_per_minute", .double(rates.costUSD)),
            ("tokens_per_minute", .double(rates.tokens)),
            ("requests_per_minute", .double(rates.requests)),
        ])
    }
}

/// `GET /api/v1/budgets`: configured and telemetry budgets.
package enum BudgetsRenderer {
    static func render(_ budgets: [BudgetStatus]) -> JSONValue {
        .object([("budgets", .array(budgets.map(budget)))])
    }

    package static func budget(_ status: BudgetStatus) -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
        func time(_ value: UInt64?) -> JSONValue { value.map { .string(RFC3339.format(unixNanos: $0)) } ?? .null }
        let scope = Dimension.allCases.compactMap { dimension in status.scope[dimension].map { (dimension.rawValue, JSONValue.string($0)) } }
        return .object([
            ("name", .string(status.name)),
            ("scope", .object(scope)),
            ("source", .string(status.source.rawValue)),
            ("limit_usd", number(status.limitUSD)),
            ("period", .optional(status.period)),
            ("consumed_usd", number(status.consumedUSD)),
            ("remaining_usd", number(status.remainingUSD)),
            ("overage_usd", number(status.overageUSD)),
            ("utilization", number(status.utilization)),
            ("burn_usd_per_hour", number(status.burnUSDPerHour)),
            ("projected_exhaustion", time(status.projectedExhaustion)),
            ("resets_at", time(status.resetsAt)),
            ("thresholds", .array(status.thresholds.map(JSONValue.double))),
            ("status", .string(status.level.rawValue)),
        ])
    }
}

/// `GET /api/v1/alerts` and the answer to `POST /api/v1/alerts/{id}/ack`.
package enum AlertsRenderer {
    static func render(_ alerts: [Alert], counts: AlertCounts, dropped: Int) -> JSONValue {
        .object([
            ("active", .object(AlertSeverity.allCases.map { ($0.rawValue, JSONValue.int(Int64(counts[$0]))) })),
            ("dropped", .int(Int64(dropped))),
            ("alerts", .array(alerts.map(alert))),
        ])
    }

    package static func alert(_ alert: Alert) -> JSONValue {
        .object([
            ("id", .string(alert.id)),
            ("kind", .string(alert.kind.rawValue)),
            ("severity", .string(alert.severity.rawValue)),
            ("subject", .string(alert.subject)),
            ("message", .string(alert.message)),
            ("first_seen", .string(RFC3339.format(unixNanos: alert.firstSeen))),
            ("last_seen", .string(RFC3339.format(unixNanos: alert.lastSeen))),
            ("count", .int(Int64(alert.count))),
            ("state", .string(alert.state.rawValue)),
            ("resolved_at", alert.resolvedAt.map { .string(RFC3339.format(unixNanos: $0)) } ?? .null),
            ("acknowledged", .bool(alert.acknowledged)),
        ])
    }
}

/// `GET /api/v1/policies`: violations per policy by result, violation type and team; and
/// evaluation results per metric.
enum PoliciesRenderer {
    static func render(_ policies: PolicyStatsSnapshot, evaluations: EvaluationStatsSnapshot) -> JSONValue {
        .object([
            ("violations_total", .int(Int64(policies.totalViolations))),
            ("policies", .array(policies.policies.map(policy))),
            ("evaluations", .array(evaluations.metrics.map(metric))),
        ])
    }

    private static func counts(_ counts: [String: Int]) -> JSONValue {
        .object(counts.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.int(Int64($0.value))) })
    }

    private static func policy(_ policy: PolicySummary) -> JSONValue {
        .object([
            ("name", .string(policy.name)),
            ("source", .string(policy.localRule == nil ? "telemetry" : "config")),
            ("action", .optional(policy.localRule?.action.rawValue)),
            ("violations", .int(Int64(policy.violations))),
            ("allowed", .int(Int64(policy.allowed))),
            ("by_result", counts(policy.byResult)),
            ("by_violation_type", counts(policy.byViolationType)),
            ("by_team", counts(policy.byTeam)),
            ("by_reason_code", counts(policy.byReasonCode)),
        ])
    }

    private static func evaluation(_ counts: EvaluationCounts) -> [(String, JSONValue)] {
        [("count", .int(Int64(counts.count))), ("passed", .int(Int64(counts.passed))), ("failed", .int(Int64(counts.failed))),
         ("mean_score", counts.meanScore.map(JSONValue.double) ?? .null)]
    }

    private static func metric(_ metric: MetricEvaluations) -> JSONValue {
        .object([("metric", .string(metric.metric))] + evaluation(metric.counts) + [
            ("by_team", .object(metric.byTeam.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.object(evaluation($0.value))) })),
        ])
    }
}
