import GovTopCore

/// `GET /api/v1/summary`: the engine's running totals.
enum SummaryRenderer {
    /// `record`: what `--record` wrote and lost (all zero when not recording).
    static func render(_ summary: Summary, rates: Rates, alerts: AlertCounts, record: RecorderCounts = RecorderCounts()) -> JSONValue {
        let fleetReadAge: JSONValue = summary.fleetReadAgeSeconds.map { .double($0) } ?? .null
        return .object([
            ("spans_received", .int(Int64(summary.spansReceived))),
            ("spans_stored", .int(Int64(summary.spansStored))),
            ("spans_evicted", .int(Int64(summary.spansEvicted))),
            ("spans_rejected", .int(Int64(summary.spansRejected))),
            ("traces_stored", .int(Int64(summary.tracesStored))),
            ("store_bytes", .int(Int64(summary.storeBytes))),
            ("requests_total", .int(Int64(summary.requestsTotal))),
            ("cost_usd_total", .double(summary.costUSDTotal)),
            ("input_tokens_total", .int(summary.inputTokensTotal)),
            ("output_tokens_total", .int(summary.outputTokensTotal)),
            ("unpriced_requests_total", .int(Int64(summary.unpricedRequestsTotal))),
            ("policy_violations_total", .int(Int64(summary.policyViolationsTotal))),
            ("eval_failures_total", .int(Int64(summary.evalFailuresTotal))),
            ("metric_points_received", .int(Int64(summary.metricPointsReceived))),
            ("log_records_received", .int(Int64(summary.logRecordsReceived))),
            ("metering", meteringJSON(summary.metering)), // metrics
            ("log_store", logStoreJSON(summary.logStore)), // metrics
            ("cost_usd_per_minute", .double(rates.costUSDPerMinute)),
            ("alerts_active", .int(Int64(AlertSeverity.allCases.reduce(0) { $0 + alerts[$1] }))),
            ("uptime_seconds", .double(summary.uptimeSeconds)),
            ("invalid_values", .object(summary.invalidValues.byKey.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) })),
            ("null_items_dropped", .int(Int64(summary.nullItemsDropped))),
            ("ledger_write_errors", .int(Int64(summary.ledgerWriteErrors))),
            ("ledger_buckets_dropped", .int(Int64(summary.ledgerBucketsDropped))),
            ("fleet_read_failures", .int(Int64(summary.fleetReadFailures))),
            ("ledger_fleet_read_age_seconds", fleetReadAge), // fleet: issue 16
            ("requests_shed", .int(Int64(summary.requestsShed))),
            ("requests_shed_by_reason", .object(ShedReason.allCases.map {
                ($0.name, .int(Int64(summary.requestsShedByReason[$0, default: 0])))
            })),
            ("record_written", .int(Int64(record.recorded))),
            ("record_dropped", .int(Int64(record.dropped))),
            ("record_write_errors", .int(Int64(record.writeErrors))),
        ])
    }
}
