import GovTopCore

/// A log record in `/api/v1/traces/{id}`: time (decimal string, as OTLP/JSON), severity, event
/// name, body and attributes. The record was redacted before it was stored.
extension TraceDetailRenderer {
    static func log(_ log: StoredLog) -> JSONValue {
        let record = log.record
        return .object([
            ("time_unix_nano", .string(String(record.effectiveTimeUnixNano))),
            ("severity", .string(record.severity)),
            ("severity_number", .int(Int64(record.severityNumber))),
            ("event_name", .string(record.eventName)),
            ("body", AttributeJSON.value(record.body)),
            ("attributes", AttributeJSON.object(record.attributes)),
            ("span_id", record.spanID.isNone ? .null : .string(record.spanID.hex)),
            ("service", .string(log.service)),
        ])
    }
}
