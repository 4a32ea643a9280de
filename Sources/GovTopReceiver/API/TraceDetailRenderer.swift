import GovTopCore

/// `GET /api/v1/traces/{trace_id}`: every stored span of the trace with all its OTLP fields.
/// 64-bit timestamps are decimal strings, as in OTLP/JSON, so JavaScript readers lose nothing.
enum TraceDetailRenderer {
    static func render(_ detail: TraceDetail) -> JSONValue {
        .object([
            ("trace_id", .string(detail.traceID.hex)),
            ("spans", .array(detail.spans.map(span))),
            ("logs", .array(detail.unattachedLogs.map(log))), // metrics: records of spans not stored
        ])
    }

    static func span(_ view: SpanView) -> JSONValue {
        let record = view.record
        return .object([
            ("span_id", .string(record.spanID.hex)),
            ("parent_span_id", record.parentSpanID.isNone ? .null : .string(record.parentSpanID.hex)),
            ("name", .string(record.name)),
            ("service", .string(view.service)),
            ("kind", .string(record.kind.name)),
            ("start_time_unix_nano", .string(String(record.startTimeUnixNano))),
            ("end_time_unix_nano", .string(String(record.endTimeUnixNano))),
            ("duration_ms", .double(Double(record.durationNanos) / 1_000_000)),
            ("cost_usd", .double(view.cost.usd)),
            ("input_tokens", .int(view.inputTokens)),
            ("output_tokens", .int(view.outputTokens)),
            ("invalid_values", .array(view.invalidValues.map { .string($0) })),
            ("status", .object([("code", .string(record.statusCode.name)), ("message", .string(record.statusMessage))])),
            ("attributes", AttributeJSON.object(record.attributes)),
            ("events", .array(record.events.map(event))),
            ("links", .array(record.links.map(link))),
            ("resource", AttributeJSON.object(view.resource.attributes)),
            ("scope", .object([("name", .string(view.scope.name)), ("version", .string(view.scope.version))])),
            ("logs", .array(view.logs.map(log))), // metrics
        ])
    }

    private static func event(_ event: SpanEvent) -> JSONValue {
        .object([
            ("name", .string(event.name)),
            ("time_unix_nano", .string(String(event.timeUnixNano))),
            ("attributes", AttributeJSON.object(event.attributes)),
        ])
    }

    private static func link(_ link: SpanLink) -> JSONValue {
        .object([
            ("trace_id", .string(link.traceID.hex)),
            ("span_id", .string(link.spanID.hex)),
            ("attributes", AttributeJSON.object(link.attributes)),
        ])
    }
}
