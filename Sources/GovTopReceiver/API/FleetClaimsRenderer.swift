import GovTopCore

/// fleet (issue 16): the `fleet` object of `GET /api/v1/notifications`: this instance's claims of
/// fleet-wide notifications, and the latest ones another instance sent instead of this one. Every
/// string here came from the shared ledger (another instance, or whoever else writes there) or from a
/// driver's error text: each goes out with its control characters replaced.
enum FleetClaimsRenderer {
    static func render(_ status: FleetClaimStatus) -> JSONValue {
        func time(_ value: UInt64?) -> JSONValue { value.map { .string(RFC3339.format(unixNanos: $0)) } ?? .null }
        return .object([
            ("instance", .string(ControlCharacters.replaced(in: status.instance))),
            ("claimed", .int(Int64(status.won))),
            ("notified_by_other_instances", .int(Int64(status.notifiedElsewhere))),
            ("delivered_unclaimed", .int(Int64(status.deliveredUnclaimed))),
            ("pending", .int(Int64(status.pending))),
            ("failed_claims", .int(Int64(status.failedAttempts))),
            ("last_error", .optional(status.lastError.map(ControlCharacters.replaced(in:)))),
            ("last_error_at", time(status.lastErrorAt)),
            ("recent_by_other_instances", .array(status.recentElsewhere.map { entry in
                .object([
                    ("sink", .string(ControlCharacters.replaced(in: entry.sink))),
                    ("alert_id", .string(ControlCharacters.replaced(in: entry.alertID))),
                    ("kind", .string(entry.kind.rawValue)),
                    ("subject", .string(ControlCharacters.replaced(in: entry.subject))),
                    ("event", .string(entry.event.rawValue)),
                    ("notified_by", .string(ControlCharacters.replaced(in: entry.by))),
                    ("at", time(entry.at)),
                ])
            })),
        ])
    }
}
