import GovTopCore

/// fleet (issue 16): notification claims. One row per sink and alert (kind, subject) holds the state
/// the fleet last notified (`firing` at a severity, or `resolved`) and who claimed it. A claim is one
/// `INSERT … ON CONFLICT DO UPDATE … WHERE <transition allowed> RETURNING`: PostgreSQL locks the row,
/// so of several instances claiming the same transition exactly one gets a row back.
extension PostgresLedgerStore: NotificationClaimStore {
    /// The longest a claim waits for the database (connecting included) per attempt.
    static let claimTimeout: Duration = .seconds(2)

    public var instance: String { url.instance }

    public func claim(_ claim: NotificationClaim) throws(LedgerStoreError) -> NotificationClaimOutcome {
        // $1 sink, $2 kind, $3 subject, $4 instance, $5 state, $6 severity rank, $7 event, $8 a reminder's lease.
        var binds: [PostgresBindable] = [.text(claim.sink), .text(claim.kind.rawValue), .text(claim.subject), .text(instance)]
        let allowed: String, severity: String
        switch claim.request {
        case .fire(let level):
            // A firing after a resolution, or at a higher severity than the fleet was told.
            binds += [.text("firing"), .int(Int64(level.rank)), .text("firing")]
            allowed = "t.state = 'resolved' OR EXCLUDED.severity_rank > t.severity_rank"
            severity = "EXCLUDED.severity_rank"
        case .resolve:
            binds += [.text("resolved"), .int(0), .text("resolved")]
            allowed = "t.state = 'firing'"
            severity = "t.severity_rank"
        case .remind(let level, let lease):
            // A reminder when nothing was claimed for the alert within the lease (the database's clock).
            binds += [.text("firing"), .int(Int64(level.rank)), .text("repeated"), .text(String(lease))]
            allowed = "t.state = 'firing' AND t.claimed_at < clock_timestamp() - make_interval(secs => $8::float8)"
            severity = "GREATEST(t.severity_rank, EXCLUDED.severity_rank)"
        }
        let keys = Array(binds.prefix(3))
        let winner = try claims.with { run -> String? in
            let won = try run.query("""
                INSERT INTO govtop_fleet_notifications AS t (sink, kind, subject, state, severity_rank, event, claimed_by, claimed_at)
                VALUES ($1, $2, $3, $5, $6::integer, $7, $4, clock_timestamp())
                ON CONFLICT (sink, kind, subject) DO UPDATE SET state = EXCLUDED.state, severity_rank = \(severity),
                    event = EXCLUDED.event, claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at
                WHERE \(allowed)
                RETURNING claimed_by
                """, binds)
            if !won.isEmpty { return nil }
            let holder = try run.query("SELECT \(PostgresLedgerSchema.readName("claimed_by")) FROM govtop_fleet_notifications WHERE sink = $1 AND kind = $2 AND subject = $3",
                                       keys)
            return holder.first.flatMap { $0.first ?? nil } ?? "another instance"
        }.map { TextLimit.capped($0, to: PostgresLedgerSchema.maxNameRead) }
        return winner.map { .lost(by: $0) } ?? .won
    }
}
