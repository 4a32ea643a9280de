import GovTopCore
/// The versions of the shared ledger's schema. Each migration takes a database from the version
/// before it to its own, in one transaction under an advisory lock (two govtops starting together
/// migrate once); `govtop_schema_version` records every version applied. A database of a version
/// above `current` was migrated by a newer govtop and is refused, never changed.
///
/// Amounts (tokens, nano-dollars) are `NUMERIC(39,0)`: every 128-bit value fits exactly, and the
/// additive upserts (`x = x + EXCLUDED.x`) of several instances add up without rounding.
enum PostgresLedgerSchema {
    struct Migration {
        let version: Int
        let statements: [String]
    }

    /// The most characters kept of free text read back (`TextLimit`): any program with access can put
    /// megabytes in a column. Names and ids (an instance name is at most 200 characters)…
    static let maxNameRead = 256
    /// …and an alert's subject and message.
    static let maxTextRead = 4096

    /// A free-text column as a query reads it: one character beyond the limit at most, so a
    /// megabyte in the column never crosses the connection (nor is decoded), and `TextLimit` still
    /// sees that it was longer and marks the cut.
    static func readName(_ column: String) -> String { "left(\(column), \(maxNameRead + 1))" }
    static func readText(_ column: String) -> String { "left(\(column), \(maxTextRead + 1))" }

    /// The condition on series rows that reads leave out: a dimension or group key longer than
    /// govtop writes (`ValueBounds.maxGroupValueBytes`) can only come from another program (or a
    /// govtop from before the bound), and is never read, so a megabyte in the column never crosses
    /// the connection nor becomes a group.
    static let boundedSeries = "octet_length(dimension) <= 32 AND octet_length(key) <= \(ValueBounds.maxGroupValueBytes)"

    static let amountNames = ["requests", "input_tokens", "output_tokens", "cached_input_tokens", "reasoning_tokens",
                              "cost_reported_nanos", "cost_estimated_nanos", "unpriced_requests", "errors",
                              "policy_violations", "eval_failures"]

    static var amountColumns: String {
        amountNames.map { "\($0) NUMERIC(39,0) NOT NULL" }.joined(separator: ", ")
    }

    static let migrations: [Migration] = [
        Migration(version: 1, statements: [
            // A series is all spend (dimension '') or one group; seq keeps the fleet's order of arrival.
            """
            CREATE TABLE govtop_series_totals (dimension TEXT NOT NULL, key TEXT NOT NULL, seq BIGSERIAL NOT NULL,
                \(amountColumns), PRIMARY KEY (dimension, key))
            """,
            "CREATE TABLE govtop_pricing_tables (fingerprint TEXT PRIMARY KEY, first_used BIGINT NOT NULL)",
            """
            CREATE TABLE govtop_hourly (dimension TEXT NOT NULL, key TEXT NOT NULL, hour_start BIGINT NOT NULL,
                pricing TEXT NOT NULL REFERENCES govtop_pricing_tables(fingerprint), \(amountColumns),
                PRIMARY KEY (dimension, key, hour_start, pricing))
            """,
            "CREATE INDEX govtop_hourly_by_hour ON govtop_hourly (hour_start)",
            // Consumption adds up across the fleet; the burn record is the latest writer's.
            """
            CREATE TABLE govtop_budget_periods (name TEXT NOT NULL, period TEXT NOT NULL, period_start BIGINT NOT NULL,
                period_end BIGINT NOT NULL, consumed_nanos NUMERIC(39,0) NOT NULL, burn TEXT NOT NULL,
                PRIMARY KEY (name, period_start))
            """,
            // Each instance's own alert log (acknowledgements included), restored by that instance.
            """
            CREATE TABLE govtop_alerts (instance TEXT NOT NULL, id TEXT NOT NULL, number BIGINT NOT NULL, kind TEXT NOT NULL,
                severity TEXT NOT NULL, subject TEXT NOT NULL, message TEXT NOT NULL, first_seen BIGINT NOT NULL,
                last_seen BIGINT NOT NULL, count BIGINT NOT NULL, state TEXT NOT NULL, resolved_at BIGINT,
                acknowledged BOOLEAN NOT NULL, severity_seen_at BIGINT NOT NULL, PRIMARY KEY (instance, id))
            """,
            "CREATE TABLE govtop_alert_logs (instance TEXT PRIMARY KEY, next_number BIGINT NOT NULL, dropped BIGINT NOT NULL)",
        ]),
        // fleet (issue 16): per sink and alert, the state the fleet last notified and which instance claimed it,
        // so a budget alert every instance raises is sent once (PostgresLedgerStore+Claims.swift).
        Migration(version: 2, statements: [
            """
            CREATE TABLE govtop_fleet_notifications (sink TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL,
                state TEXT NOT NULL, severity_rank INTEGER NOT NULL, event TEXT NOT NULL, claimed_by TEXT NOT NULL,
                claimed_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (sink, kind, subject))
            """,
            // Every batch applied, by writer and sequence, in the batch's own transaction: a batch retried
            // because the answer to its COMMIT was lost is recognized and skipped (pruned after a day).
            "CREATE TABLE govtop_applied_batches (batch TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)",
            "CREATE INDEX govtop_applied_batches_by_time ON govtop_applied_batches (applied_at)",
        ]),
    ]

    /// The newest version this govtop writes.
    static var current: Int { migrations.last?.version ?? 0 }
}
