import GovTopCore

/// `/metrics`: govtop's governance figures under the names the GenOps docs query, plus the
/// receiver's own counters.
enum MetricsRenderer {
    /// The `le` labels of the duration histogram, spelled once.
    private static let durationBounds = DurationHistogram.bounds.map(PrometheusWriter.format) + ["+Inf"]

    static func render(_ metrics: MetricsSnapshot) -> String {
        var out = PrometheusWriter()
        func labels(_ set: LabelSet) -> [(String, String)] {
            [("genops_team", set.team), ("genops_project", set.project), ("genops_environment", set.environment),
             ("ai_model_provider", set.provider), ("ai_model_name", set.model)]
        }
        out.family("genops_cost_total", .counter, "AI spend in USD (reported or estimated), by attribution at arrival.")
        for series in metrics.series { out.sample("genops_cost_total", labels: labels(series.labels), series.costUSD) }
        out.family("genops_tokens_total", .counter, "Tokens used, by attribution at arrival and token type.")
        for series in metrics.series {
            out.sample("genops_tokens_total", labels: labels(series.labels) + [("token_type", "input")], Double(series.inputTokens))
            out.sample("genops_tokens_total", labels: labels(series.labels) + [("token_type", "output")], Double(series.outputTokens))
        }
        out.family("genops_requests_total", .counter, "AI requests (spans that are model calls).")
        for series in metrics.series { out.sample("genops_requests_total", labels: labels(series.labels), Double(series.requests)) }

        out.family("genops_budget_limit", .gauge, "Budget limit in USD.")
        let budgets = metrics.budgets
        for budget in budgets { if let limit = budget.limitUSD { out.sample("genops_budget_limit", labels: budgetLabels(budget), limit) } }
        out.family("genops_budget_consumed", .gauge, "Budget consumed this period in USD.")
        for budget in budgets { if let consumed = budget.consumedUSD { out.sample("genops_budget_consumed", labels: budgetLabels(budget), consumed) } }
        out.family("genops_budget_remaining", .gauge, "Budget remaining this period in USD.")
        for budget in budgets { if let remaining = budget.remainingUSD { out.sample("genops_budget_remaining", labels: budgetLabels(budget), remaining) } }

        out.family("ai_request_duration_seconds", .histogram, "Duration of AI requests by model.")
        for (model, histogram) in metrics.durations {
            for (bound, count) in zip(Self.durationBounds, histogram.cumulative) {
                out.sample("ai_request_duration_seconds_bucket", labels: [("ai_model_name", model), ("le", bound)], Double(count))
            }
            out.sample("ai_request_duration_seconds_sum", labels: [("ai_model_name", model)], histogram.sum.value)
            out.sample("ai_request_duration_seconds_count", labels: [("ai_model_name", model)], Double(histogram.count))
        }

        let summary = metrics.summary
        out.family("govtop_spans_received_total", .counter, "Spans received over OTLP (accepted and rejected).")
        out.sample("govtop_spans_received_total", Double(summary.spansReceived))
        out.family("govtop_spans_rejected_total", .counter, "Spans rejected for invalid ids.")
        out.sample("govtop_spans_rejected_total", Double(summary.spansRejected))
        out.family("govtop_spans_evicted_total", .counter, "Spans evicted from the store to stay within its limits.")
        out.sample("govtop_spans_evicted_total", Double(summary.spansEvicted))
        out.family("govtop_spans_stored", .gauge, "Spans held in the store.")
        out.sample("govtop_spans_stored", Double(summary.spansStored))
        out.family("govtop_traces_stored", .gauge, "Traces held in the store.")
        out.sample("govtop_traces_stored", Double(summary.tracesStored))
        out.family("govtop_store_bytes", .gauge, "Estimated bytes held by the span store.")
        out.sample("govtop_store_bytes", Double(summary.storeBytes))
        out.family("govtop_unpriced_requests_total", .counter, "AI requests whose model the pricing table does not know.")
        out.sample("govtop_unpriced_requests_total", Double(summary.unpricedRequestsTotal))
        out.family("govtop_metric_points_received_total", .counter, "Metric data points received over OTLP.")
        out.sample("govtop_metric_points_received_total", Double(summary.metricPointsReceived))
        out.family("govtop_log_records_received_total", .counter, "Log records received over OTLP.")
        out.sample("govtop_log_records_received_total", Double(summary.logRecordsReceived))
        renderSignals(summary, into: &out) // metrics
        out.family("govtop_requests_shed_total", .counter, "Exports answered 503 with Retry-After before decoding (load shedding), by reason.")
        for reason in ShedReason.allCases {
            out.sample("govtop_requests_shed_total", labels: [("reason", reason.name)], Double(summary.requestsShedByReason[reason, default: 0]))
        }
        out.family("govtop_alerts_active", .gauge, "Active alerts by severity.")
        for severity in AlertSeverity.allCases {
            out.sample("govtop_alerts_active", labels: [("severity", severity.rawValue)], Double(metrics.alertCounts[severity]))
        }
        return out.text
    }

    private static func budgetLabels(_ budget: BudgetStatus) -> [(String, String)] {
        [("budget", budget.name), ("source", budget.source.rawValue)]
    }
}
