extension TraceDetail {
    /// The detail with each log record under its span; records of spans not stored are kept apart.
    func attaching(_ logs: [StoredLog]) -> TraceDetail {
        guard !logs.isEmpty else { return self }
        var detail = self
        var positions: [SpanID: Int] = [:]
        for (position, span) in spans.enumerated() { positions[span.record.spanID] = position }
        for log in logs {
            if let position = positions[log.record.spanID] {
                detail.spans[position].logs.append(log)
            } else {
                detail.unattachedLogs.append(log)
            }
        }
        return detail
    }
}
