import GovTopCore

extension SpanDetailLines {
    /// Log records tied to the span (GenAI events: messages, choices, evaluation results), each
    /// with its time from the span's start, event name and severity, then its body and attributes.
    static func appendLogs(_ span: SpanView, to lines: inout [SpanDetailLine]) {
        guard !span.logs.isEmpty else { return }
        let start = span.record.startTimeUnixNano
        lines.append(SpanDetailLine(kind: .blank))
        lines.append(SpanDetailLine(kind: .heading, value: "Logs (\(span.logs.count))"))
        for log in span.logs {
            let record = log.record
            let time = record.effectiveTimeUnixNano
            let offset = time >= start
                ? "+" + ViewFormat.duration(milliseconds: Double(time - start) / 1e6)
                : "-" + ViewFormat.duration(milliseconds: Double(start - time) / 1e6)
            let name = record.eventName.isEmpty ? "log" : record.eventName
            let role: Role = record.severityNumber >= 17 ? .critical : record.severityNumber >= 13 ? .warning : .text
            lines.append(SpanDetailLine(kind: .event, label: offset, value: name + " " + record.severity, role: role))
            if record.body != .empty {
                lines.append(SpanDetailLine(kind: .attribute, label: "body", value: record.body.text, indent: 4))
            }
            lines += record.attributes.map { SpanDetailLine(kind: .attribute, label: $0.key, value: $0.value.text, indent: 4) }
        }
    }
}
