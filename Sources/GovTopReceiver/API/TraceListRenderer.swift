import GovTopCore

/// `GET /api/v1/traces`: one line per trace, in the order the engine returns them (newest first).
enum TraceListRenderer {
    static func render(_ traces: [TraceSummary]) -> JSONValue {
        .object([("traces", .array(traces.map(row)))])
    }

    static func row(_ trace: TraceSummary) -> JSONValue {
        .object([
            ("trace_id", .string(trace.traceID.hex)),
            ("root_name", .string(trace.rootName)),
            ("service", .string(trace.service)),
            ("start_time", .string(RFC3339.format(unixNanos: trace.startTimeUnixNano))),
            ("duration_ms", .double(Double(trace.durationNanos) / 1_000_000)),
            ("span_count", .int(Int64(trace.spanCount))),
            ("cost_usd", .double(trace.costUSD)),
            ("input_tokens", .int(trace.inputTokens)),
            ("output_tokens", .int(trace.outputTokens)),
            ("team", .optional(trace.team)),
            ("models", .array(trace.models.map(JSONValue.string))),
            ("errors", .int(Int64(trace.errors))),
            ("policy_violations", .int(Int64(trace.policyViolations))),
            ("eval_failures", .int(Int64(trace.evalFailures))),
            ("has_root", .bool(trace.hasRoot)),
        ])
    }
}
