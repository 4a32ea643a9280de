import GovTopCore
import GRDB

/// The versions of the ledger's SQLite schema. Each migration takes a file from the version before
/// it to its own; `schema_version` records every version applied. A file of a version above
/// `current` was written by a newer govtop and is refused, never changed.
///
/// Amounts that can exceed 64 bits (tokens, nano-dollars) are stored in columns without a type, as
/// an INTEGER when they fit and as decimal TEXT when they do not (`AmountColumns`), so sums are exact.
enum LedgerSchema {
    /// The condition on a `series` row (table alias `alias`) that reads leave out: a dimension or
    /// group key longer than govtop writes (`ValueBounds.maxGroupValueBytes`) can only come from
    /// another program (or a govtop from before the bound), and is never read, so a megabyte in the
    /// column is never loaded into a group.
    static func boundedSeries(_ alias: String) -> String {
        "length(CAST(\(alias).dimension AS BLOB)) <= \(maxDimensionBytes) AND length(CAST(\(alias).key AS BLOB)) <= \(ValueBounds.maxGroupValueBytes)"
    }

    /// Longer than any dimension's name.
    static let maxDimensionBytes = 32

    struct Migration {
        let version: Int
        let statements: [String]
    }

    static let amountColumns = """
        requests NOT NULL, input_tokens NOT NULL, output_tokens NOT NULL, cached_input_tokens NOT NULL,
        reasoning_tokens NOT NULL, cost_reported_nanos NOT NULL, cost_estimated_nanos NOT NULL,
        unpriced_requests NOT NULL, errors NOT NULL, policy_violations NOT NULL, eval_failures NOT NULL
        """

    static let migrations: [Migration] = [
        Migration(version: 1, statements: [
            // A series is all spend (dimension '') or one group; its id is its order of arrival.
            "CREATE TABLE series (id INTEGER PRIMARY KEY, dimension TEXT NOT NULL, key TEXT NOT NULL, UNIQUE (dimension, key))",
            "CREATE TABLE series_totals (series_id INTEGER PRIMARY KEY REFERENCES series(id), \(amountColumns))",
            "CREATE TABLE pricing_tables (id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, first_used INTEGER NOT NULL)",
            """
            CREATE TABLE hourly (series_id INTEGER NOT NULL REFERENCES series(id), hour_start INTEGER NOT NULL,
                pricing_id INTEGER NOT NULL REFERENCES pricing_tables(id), \(amountColumns),
                PRIMARY KEY (series_id, hour_start, pricing_id)) WITHOUT ROWID
            """,
            "CREATE INDEX hourly_by_hour ON hourly (hour_start)",
            """
            CREATE TABLE budget_periods (name TEXT NOT NULL, period TEXT NOT NULL, period_start INTEGER NOT NULL,
                period_end INTEGER NOT NULL, consumed_nanos NOT NULL, burn TEXT NOT NULL, PRIMARY KEY (name, period_start))
            """,
            """
            CREATE TABLE alerts (id TEXT PRIMARY KEY, number INTEGER NOT NULL, kind TEXT NOT NULL, severity TEXT NOT NULL,
                subject TEXT NOT NULL, message TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
                count INTEGER NOT NULL, state TEXT NOT NULL, resolved_at INTEGER, acknowledged INTEGER NOT NULL,
                severity_seen_at INTEGER NOT NULL)
            """,
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value NOT NULL)",
        ]),
        // decide (issue 15): a rolling budget's spend per slice of its window (`RollingRecord.encoded`).
        Migration(version: 2, statements: [
            "ALTER TABLE budget_periods ADD COLUMN rolling TEXT",
        ]),
    ]

    /// The newest version this govtop writes.
    static var current: Int { migrations.last?.version ?? 0 }

    /// The version of a file: 0 for a new, empty one.
    static func version(_ db: Database) throws -> Int {
        guard try db.tableExists("schema_version") else { return 0 }
        return try Int.fetchOne(db, sql: "SELECT MAX(version) FROM schema_version") ?? 0
    }

    /// Applies every migration above the file's version, up to `target`, in the caller's transaction.
    static func migrate(_ db: Database, upTo target: Int = current, now: Int64) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)")
        let from = try version(db)
        for migration in migrations where migration.version > from && migration.version <= target {
            for statement in migration.statements { try db.execute(sql: statement) }
            try db.execute(sql: "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                           arguments: [migration.version, now])
        }
    }
}
