import Foundation
import GovTopCore
import Synchronization

/// The ledger of record shared by a fleet of govtops in one PostgreSQL database (issue 16).
///
/// Every instance writes its own batched deltas, and every write adds: hourly buckets and group
/// totals with `INSERT … ON CONFLICT DO UPDATE SET x = x + EXCLUDED.x`, so the rows are the exact sum
/// of what all instances counted. Budgets reach the store as this instance's absolute consumption
/// per period; the store turns them into deltas against what it last wrote (or restored), and adds
/// those. The alert log is each instance's own (`instance=` in the URL). Rows are written in one
/// order (series, then hour), so two instances committing at once wait for each other, never deadlock.
///
/// Opening connects, checks the schema version (a newer one is refused) and migrates; after that a
/// database that goes away fails commits (the writer keeps their deltas) until it answers again.
public final class PostgresLedgerStore: SharedLedgerStore {
    public let url: PostgresLedgerURL
    private let writer: PostgresSession
    private let reader: PostgresSession
    /// fleet (issue 16): notification claims on a connection of their own, with a short timeout, so a
    /// claim never waits behind a commit (PostgresLedgerStore+Claims.swift).
    let claims: PostgresSession
    /// What this instance last wrote (or restored) of each budget period: `name`, period start (ns).
    private let budgetBase = Mutex<[BudgetKey: Money]>([:])
    /// The sequence of the last batch found already applied and skipped (0: none), for tests and messages.
    private let lastSkipped = Mutex<UInt64>(0)

    /// The sequence of the last batch this store skipped because it had already been applied.
    public var lastSkippedBatch: UInt64 { lastSkipped.withLock { $0 } }
    /// Names this store's batches in `govtop_applied_batches` (`instance/writer/sequence`): a new one
    /// per process, so a restarted instance's sequence numbers never meet its previous run's.
    let writerID = UUID().uuidString.lowercased()
    /// How long applied batch ids are kept: far longer than any retry of a batch takes.
    static let appliedBatchRetentionSeconds: Int64 = 86_400

    private struct BudgetKey: Hashable {
        var name: String
        var start: UInt64
    }

    /// Rows per multi-row `INSERT` (15 parameters each, below PostgreSQL's 65 535).
    static let rowsPerStatement = 1000

    /// Connects, refuses a newer schema, and migrates.
    ///
    /// - Parameter now: Unix seconds, recorded with each migration applied.
    public init(url: PostgresLedgerURL, now: Int64, timeout: Duration = .seconds(10)) throws(LedgerStoreError) {
        self.url = url
        writer = PostgresSession(url: url, timeout: timeout)
        reader = PostgresSession(url: url, timeout: timeout)
        claims = PostgresSession(url: url, timeout: min(timeout, Self.claimTimeout))
        try migrate(upTo: PostgresLedgerSchema.current, now: now)
    }

    deinit {
        writer.close()
        reader.close()
        claims.close()
    }

    /// Applies every migration above the database's version up to `target`, or refuses a newer one.
    func migrate(upTo target: Int, now: Int64) throws(LedgerStoreError) {
        let url = self.url
        let version = try writer.with { run throws -> Int in
            try run.query("BEGIN")
            // One govtop migrates at a time; the others wait here and then find the work done.
            // (No digit separators: PostgreSQL reads them from version 16 only; `::text` as every column is read as text.)
            try run.query("SELECT pg_advisory_xact_lock(7165746706)::text")
            try run.query("CREATE TABLE IF NOT EXISTS govtop_schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)")
            let rows = try run.query("SELECT COALESCE(MAX(version), 0)::text FROM govtop_schema_version")
            let found = rows.first.flatMap { $0.first ?? nil }.flatMap { Int($0) } ?? 0
            guard found <= PostgresLedgerSchema.current else {
                try run.query("ROLLBACK")
                return found
            }
            for migration in PostgresLedgerSchema.migrations where migration.version > found && migration.version <= target {
                for statement in migration.statements { try run.query(statement) }
                try run.query("INSERT INTO govtop_schema_version (version, applied_at) VALUES ($1, $2)",
                              [.int(Int64(migration.version)), .int(now)])
            }
            try run.query("COMMIT")
            return found
        }
        guard version <= PostgresLedgerSchema.current else {
            throw LedgerStoreError(.newerSchema, "the shared ledger \(url) was migrated by a newer govtop (schema version \(version); "
                + "this govtop reads up to version \(PostgresLedgerSchema.current)). It was left unchanged: run the newer govtop "
                + "on every instance, or give this one another database")
        }
    }

    public func restore() throws(LedgerStoreError) -> LedgerRestore {
        let instance = url.instance
        let (rows, budgetRows, alertRows, logRow) = try reader.with { run in
            let amounts = PostgresLedgerSchema.amountNames.map { "\($0)::text" }.joined(separator: ", ")
            return (try run.query("SELECT dimension, key, \(amounts) FROM govtop_series_totals WHERE \(PostgresLedgerSchema.boundedSeries) ORDER BY seq"),
                    try run.query(Self.latestBudgetsSQL),
                    try run.query("""
                        SELECT \(PostgresLedgerSchema.readName("id")), number::text, kind, severity,
                            \(PostgresLedgerSchema.readText("subject")), \(PostgresLedgerSchema.readText("message")),
                            first_seen::text, last_seen::text, count::text,
                            state, resolved_at::text, acknowledged::text, severity_seen_at::text
                        FROM govtop_alerts WHERE instance = $1 ORDER BY number
                        """, [.text(instance)]),
                    try run.query("SELECT next_number::text, dropped::text FROM govtop_alert_logs WHERE instance = $1",
                                  [.text(instance)]).first)
        }
        return try located { () throws(LedgerStoreError) in
            try self.snapshot(rows: rows, budgetRows: budgetRows, alertRows: alertRows, logRow: logRow)
        }
    }

    private func located<T>(_ read: () throws(LedgerStoreError) -> T) throws(LedgerStoreError) -> T {
        do {
            return try read()
        } catch {
            // A value the read refused: the database it came from goes with it.
            guard error.kind == .corrupt else { throw error }
            throw LedgerStoreError(.corrupt, "the shared ledger \(url) holds what govtop cannot use: \(error.description)")
        }
    }

    private func snapshot(rows: [[String?]], budgetRows: [[String?]], alertRows: [[String?]],
                          logRow: [String?]?) throws(LedgerStoreError) -> LedgerRestore {
        var snapshot = LedgerRestore()
        for row in rows {
            guard let series = Self.series(row) else { continue }
            let totals = try PostgresAmounts.totals(row, from: 2, in: "govtop_series_totals")
            if series == .all { snapshot.totals = totals } else { snapshot.groups.append((series, totals)) }
        }
        snapshot.budgets = try budgetRows.map(Self.budget)
        budgetBase.withLock { base in
            for record in snapshot.budgets { base[BudgetKey(name: record.name, start: record.window.start)] = record.consumed }
        }
        if let logRow {
            var alerts: [AlertRecord] = []
            for row in alertRows { if let alert = try Self.alert(row) { alerts.append(alert) } }
            snapshot.alerts = AlertLogRecord(alerts: alerts, nextNumber: UInt64(max(1, try PostgresAmounts.int64(logRow, 0))),
                                             droppedCount: try PostgresAmounts.count(logRow, 1, column: "govtop_alert_logs.dropped"))
        }
        return snapshot
    }

    public func commit(_ commit: LedgerCommit) throws(LedgerStoreError) {
        let instance = url.instance
        let base = budgetBase.withLock { $0 }
        let budgetDeltas = commit.budgets.map { record in
            (record, record.consumed - (base[BudgetKey(name: record.name, start: record.window.start)] ?? .zero))
        }
        let buckets = commit.buckets.sorted(by: Self.writeOrder)
        var seriesDeltas: [LedgerSeries: Totals] = [:]
        for delta in buckets { seriesDeltas[delta.key.series, default: Totals()].add(delta.amounts) }
        let series = seriesDeltas.sorted { Self.seriesOrder($0.key, $1.key) }
        let batchID = "\(instance)/\(writerID)/\(commit.sequence)"
        let applied = try writer.with { run -> Bool in
            try run.query("BEGIN")
            // A retry of a batch whose COMMIT went through (only its answer was lost) changes nothing.
            if commit.sequence > 0 {
                let fresh = try run.query("""
                    INSERT INTO govtop_applied_batches (batch, applied_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1
                    """, [.text(batchID), .int(Int64(Date().timeIntervalSince1970))])
                if fresh.isEmpty {
                    try run.query("ROLLBACK")
                    return false
                }
            }
            if !buckets.isEmpty {
                try run.query("INSERT INTO govtop_pricing_tables (fingerprint, first_used) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                              [.text(commit.pricingID), .int(buckets.map(\.key.hourStart).min() ?? 0)])
            }
            for chunk in stride(from: 0, to: buckets.count, by: Self.rowsPerStatement) {
                let rows = buckets[chunk..<min(buckets.count, chunk + Self.rowsPerStatement)].map { delta -> [PostgresBindable] in
                    [.text(delta.key.series.dimension?.rawValue ?? ""), .text(delta.key.series.key), .int(delta.key.hourStart),
                     .text(commit.pricingID)] + PostgresAmounts.texts(delta.amounts).map(PostgresBindable.text)
                }
                try Self.upsert(run, table: "govtop_hourly", keys: ["dimension", "key", "hour_start", "pricing"],
                                keyTypes: ["text", "text", "bigint", "text"], rows: rows)
            }
            for chunk in stride(from: 0, to: series.count, by: Self.rowsPerStatement) {
                let rows = series[chunk..<min(series.count, chunk + Self.rowsPerStatement)].map { entry -> [PostgresBindable] in
                    [.text(entry.key.dimension?.rawValue ?? ""), .text(entry.key.key)]
                        + PostgresAmounts.texts(entry.value).map(PostgresBindable.text)
                }
                try Self.upsert(run, table: "govtop_series_totals", keys: ["dimension", "key"], keyTypes: ["text", "text"], rows: rows)
            }
            for (record, delta) in budgetDeltas.sorted(by: { $0.0.name < $1.0.name }) {
                try run.query("""
                    INSERT INTO govtop_budget_periods (name, period, period_start, period_end, consumed_nanos, burn)
                    VALUES ($1, $2, $3, $4, $5::numeric, $6) ON CONFLICT (name, period_start) DO UPDATE SET
                        consumed_nanos = govtop_budget_periods.consumed_nanos + EXCLUDED.consumed_nanos, burn = EXCLUDED.burn,
                        period_end = EXCLUDED.period_end
                    """, [.text(record.name), .text(record.period), .int(Int64(clamping: record.window.start)),
                          .int(Int64(clamping: record.window.end)), .text(String(delta.nanos)), .text(record.burn.encoded)])
            }
            if let alerts = commit.alerts { try Self.writeAlerts(alerts, instance: instance, run) }
            try run.query("COMMIT")
            return true
        }
        if !applied { lastSkipped.withLock { $0 = commit.sequence } }
        budgetBase.withLock { base in
            for record in commit.budgets { base[BudgetKey(name: record.name, start: record.window.start)] = record.consumed }
        }
    }

    public func fleetFigures() throws(LedgerStoreError) -> FleetFigures {
        let (rows, budgetRows) = try writer.with { run in
            let amounts = PostgresLedgerSchema.amountNames.map { "\($0)::text" }.joined(separator: ", ")
            return (try run.query("SELECT dimension, key, \(amounts) FROM govtop_series_totals WHERE \(PostgresLedgerSchema.boundedSeries) ORDER BY seq"),
                    try run.query(Self.latestBudgetsSQL))
        }
        return try located { () throws(LedgerStoreError) in
            var figures = FleetFigures()
            for row in rows {
                guard let series = Self.series(row) else { continue }
                figures.series[series] = try PostgresAmounts.totals(row, from: 2, in: "govtop_series_totals")
                if series != .all { figures.order.append(series) }
            }
            for record in try budgetRows.map(Self.budget) {
                figures.budgets[record.name] = FleetBudget(windowStart: record.window.start, consumed: record.consumed)
            }
            return figures
        }
    }

    public func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer {
        let sums = PostgresLedgerSchema.amountNames.map { "SUM(\($0))::text" }.joined(separator: ", ")
        let rows = try reader.with { run in
            try run.query("""
                SELECT key, hour_start::text, \(sums) FROM govtop_hourly
                WHERE dimension = $1 AND hour_start >= $2 AND hour_start < $3 AND \(PostgresLedgerSchema.boundedSeries)
                GROUP BY key, hour_start
                """, [.text(query.dimension.rawValue), .int(query.from), .int(query.to)])
        }
        let hourly = try located { () throws(LedgerStoreError) in
            try rows.map { row throws(LedgerStoreError) -> (key: String, hourStart: Int64, amounts: Totals) in
                (row[0] ?? "", try PostgresAmounts.int64(row, 1), try PostgresAmounts.totals(row, from: 2, in: "govtop_hourly"))
            }
        }
        return HistoryAnswer(query: query, hourlyRows: hourly)
    }

    @discardableResult
    public func prune(before: Int64) throws(LedgerStoreError) -> Int {
        let rows = try writer.with { run in
            try run.query("DELETE FROM govtop_applied_batches WHERE applied_at < $1",
                          [.int(Int64(Date().timeIntervalSince1970) - Self.appliedBatchRetentionSeconds)])
            return try run.query("WITH gone AS (DELETE FROM govtop_hourly WHERE hour_start < $1 RETURNING 1) SELECT COUNT(*)::text FROM gone",
                          [.int(before)])
        }
        return Int(try PostgresAmounts.int64(rows.first ?? [], 0))
    }

    /// 0: the database's size is the server's, not this host's disk.
    public func diskBytes() -> Int64 { 0 }

    /// The latest period of each budget, fleet-wide.
    private static let latestBudgetsSQL = """
        SELECT \(PostgresLedgerSchema.readText("name")), \(PostgresLedgerSchema.readName("period")),
            period_start::text, period_end::text, consumed_nanos::text,
            left(burn, \(BurnRecord.maxEncodedBytes + 1)) FROM govtop_budget_periods b
        WHERE period_start = (SELECT MAX(period_start) FROM govtop_budget_periods WHERE name = b.name) ORDER BY name
        """

    /// One multi-row additive upsert: amounts are cast from text and added to the row already there.
    private static func upsert(_ run: PostgresSession.Runner, table: String, keys: [String], keyTypes: [String],
                               rows: [[PostgresBindable]]) throws {
        guard !rows.isEmpty else { return }
        let columns = keys + PostgresLedgerSchema.amountNames
        let types = keyTypes + Array(repeating: "numeric", count: PostgresLedgerSchema.amountNames.count)
        var values: [String] = []
        values.reserveCapacity(rows.count)
        for row in rows.indices {
            let base = row * columns.count
            values.append("(" + types.indices.map { "$\(base + $0 + 1)::\(types[$0])" }.joined(separator: ", ") + ")")
        }
        let updates = PostgresLedgerSchema.amountNames.map { "\($0) = \(table).\($0) + EXCLUDED.\($0)" }.joined(separator: ", ")
        try run.query("""
            INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(values.joined(separator: ", "))
            ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET \(updates)
            """, rows.flatMap { $0 })
    }

    private static func writeAlerts(_ record: AlertLogRecord, instance: String, _ run: PostgresSession.Runner) throws {
        try run.query("DELETE FROM govtop_alerts WHERE instance = $1", [.text(instance)])
        for saved in record.alerts {
            let alert = saved.alert
            try run.query("""
                INSERT INTO govtop_alerts (instance, id, number, kind, severity, subject, message, first_seen, last_seen, count, state,
                    resolved_at, acknowledged, severity_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                """, [.text(instance), .text(alert.id), .int(Int64(clamping: saved.number)), .text(alert.kind.rawValue),
                      .text(alert.severity.rawValue), .text(alert.subject), .text(alert.message), .int(Int64(clamping: alert.firstSeen)),
                      .int(Int64(clamping: alert.lastSeen)), .int(Int64(alert.count)), .text(alert.state.rawValue),
                      alert.resolvedAt.map { .int(Int64(clamping: $0)) } ?? .null, .bool(alert.acknowledged),
                      .int(Int64(clamping: saved.severitySeenAt))])
        }
        try run.query("""
            INSERT INTO govtop_alert_logs (instance, next_number, dropped) VALUES ($1, $2, $3)
            ON CONFLICT (instance) DO UPDATE SET next_number = EXCLUDED.next_number, dropped = EXCLUDED.dropped
            """, [.text(instance), .int(Int64(clamping: record.nextNumber)), .int(Int64(record.droppedCount))])
    }

    private static func series(_ row: [String?]) -> LedgerSeries? {
        guard row.count >= 2, let dimension = row[0], let key = row[1] else { return nil }
        if dimension.isEmpty { return .all }
        return Dimension(rawValue: dimension).map { LedgerSeries(dimension: $0, key: key) }
    }

    private static func budget(_ row: [String?]) throws(LedgerStoreError) -> BudgetPeriodRecord {
        let start = try PostgresAmounts.int64(row, 2), end = try PostgresAmounts.int64(row, 3)
        return BudgetPeriodRecord(name: TextLimit.capped(row[0] ?? "", to: PostgresLedgerSchema.maxTextRead),
                                  period: TextLimit.capped(row[1] ?? "", to: PostgresLedgerSchema.maxNameRead),
                                  window: BudgetWindow(start: UInt64(max(0, start)), end: UInt64(max(0, end))),
                                  consumed: Money(nanos: try PostgresAmounts.wide(row, 4, column: "govtop_budget_periods.consumed_nanos")),
                                  burn: (row[5]).flatMap { BurnRecord(encoded: $0) } ?? BurnRecord())
    }

    private static func alert(_ row: [String?]) throws(LedgerStoreError) -> AlertRecord? {
        guard let kind = row[2].flatMap(AlertKind.init(rawValue:)), let severity = row[3].flatMap(AlertSeverity.init(rawValue:)),
              let state = row[9].flatMap(AlertState.init(rawValue:)) else { return nil }
        let resolvedAt = row[10].flatMap { Int64($0) }.map { UInt64(max(0, $0)) }
        func text(_ column: Int, _ limit: Int) -> String { TextLimit.capped(row[column] ?? "", to: limit) }
        let alert = Alert(id: text(0, PostgresLedgerSchema.maxNameRead), kind: kind, severity: severity,
                          subject: text(4, PostgresLedgerSchema.maxTextRead), message: text(5, PostgresLedgerSchema.maxTextRead),
                          firstSeen: UInt64(max(0, try PostgresAmounts.int64(row, 6))),
                          lastSeen: UInt64(max(0, try PostgresAmounts.int64(row, 7))),
                          count: try PostgresAmounts.count(row, 8, column: "govtop_alerts.count"), state: state, resolvedAt: resolvedAt,
                          acknowledged: row[11] == "true")
        return AlertRecord(alert: alert, number: UInt64(max(0, try PostgresAmounts.int64(row, 1))),
                           severitySeenAt: UInt64(max(0, try PostgresAmounts.int64(row, 12))))
    }

    private static func seriesOrder(_ lhs: LedgerSeries, _ rhs: LedgerSeries) -> Bool {
        (lhs.dimension?.rawValue ?? "", lhs.key) < (rhs.dimension?.rawValue ?? "", rhs.key)
    }

    private static func writeOrder(_ lhs: LedgerBucketDelta, _ rhs: LedgerBucketDelta) -> Bool {
        if lhs.key.series != rhs.key.series { return seriesOrder(lhs.key.series, rhs.key.series) }
        return lhs.key.hourStart < rhs.key.hourStart
    }
}
