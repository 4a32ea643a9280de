import GovTopCore

/// fleet (issue 16): the `fleet` object of `GET /api/v1/notifications`: this instance's claims of
/// fleet-wide notifications, and the latest ones another instance sent instead of this one. Every
/// string here came from the shared ledger (another instance, or whoever else writes there) or from a
/// driver's error text: the JSON writer replaces their control characters.
enum FleetClaimsRenderer {
    static func render(_ status: FleetClaimStatus) -> JSONValue {
        func time(_ value: UInt64?) -> JSONValue { value.map { .string(RFC3339.format(unixNanos: $0)) } ?? .null }
        return .object([
            ("instance", .string(status.instance)),
            ("claimed", .int(Int64(status.won))),
            ("notified_by_other_instances", .int(Int64(status.notifiedElsewhere))),
            ("delivered_unclaimed", .int(Int64(status.deliveredUnclaimed))),
            ("pending", .int(Int64(status.pending))),
            ("failed_claims", .int(Int64(status.failedAttempts))),
            ("last_error", .optional(status.lastError)),
            ("last_error_at", time(status.lastErrorAt)),
            ("recent_by_other_instances", .array(status.recentElsewhere.map { entry in
                .object([
                    ("sink", .string(entry.sink)),
                    ("alert_id", .string(entry.alertID)),
                    ("kind", .string(entry.kind.rawValue)),
                    ("subject", .string(entry.subject)),
                    ("event", .string(entry.event.rawValue)),
                    ("notified_by", .string(entry.by)),
                    ("at", time(entry.at)),
                ])
            })),
        ])
    }
}
