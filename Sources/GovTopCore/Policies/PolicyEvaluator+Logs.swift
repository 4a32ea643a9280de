extension PolicyEvaluator {
    /// The attribute key under which a log record's body is scanned (and named in findings).
    public static let logBodyKey = "log.body"

    /// The pattern rules on a log record: its event name, attributes and body are scanned as a span
    /// event's name and attributes are (the body under `logBodyKey`), with the same walk, masks and
    /// depth limits. Returns the violations and the record as it may be stored (masked where a
    /// redact rule matched).
    public func scan(_ record: LogRecord) -> (violations: [LocalViolation], record: LogRecord) {
        guard hasPatternRules else { return ([], record) }
        var carrier = SpanRecord(traceID: record.traceID ?? TraceID(high: 0, low: 1), spanID: record.spanID, name: "",
                                 kind: .unspecified, startTimeUnixNano: 0, endTimeUnixNano: 0)
        carrier.events = [SpanEvent(timeUnixNano: record.effectiveTimeUnixNano, name: record.eventName,
                                    attributes: record.attributes + [Attribute(Self.logBodyKey, record.body)])]
        let evaluation = scan(carrier)
        guard let masked = evaluation.redactedSpan?.events.first, let body = masked.attributes.last else {
            return (evaluation.violations, record)
        }
        var stored = record
        stored.eventName = masked.name
        stored.attributes = Array(masked.attributes.dropLast())
        stored.body = body.value
        return (evaluation.violations, stored)
    }
}
