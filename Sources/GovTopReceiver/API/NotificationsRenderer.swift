import GovTopCore

/// `GET /api/v1/notifications`: per sink, what was delivered, what failed, what waits, and the last
/// error; secrets in URLs are masked.
enum NotificationsRenderer {
    static func render(_ snapshot: NotificationsSnapshot) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("outbox_dropped", .int(Int64(snapshot.outboxDropped))),
            ("sinks", .array(snapshot.sinks.map(sink))),
        ]
        if let fleet = snapshot.fleet { members.append(("fleet", FleetClaimsRenderer.render(fleet))) } // fleet: issue 16
        return .object(members)
    }

    static func sink(_ status: SinkStatus) -> JSONValue {
        func time(_ value: UInt64?) -> JSONValue { value.map { .string(RFC3339.format(unixNanos: $0)) } ?? .null }
        let stats = status.stats
        return .object([
            ("name", .string(status.name)),
            ("kind", .string(status.kind)),
            ("target", .string(status.target)),
            ("sent", .int(Int64(stats.sent))),
            ("failed", .int(Int64(stats.failed))),
            ("pending", .int(Int64(status.pending))),
            ("dropped", .int(Int64(stats.dropped))),
            ("suppressed", .int(Int64(status.suppressed))),
            ("failed_attempts", .int(Int64(stats.attemptsFailed))),
            ("consecutive_failures", .int(Int64(stats.consecutiveFailures))),
            ("last_error", .optional(stats.lastError)),
            ("last_error_at", time(stats.lastErrorAt)),
            ("last_success_at", time(stats.lastSuccessAt)),
        ])
    }
}
