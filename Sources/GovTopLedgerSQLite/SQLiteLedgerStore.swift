import Foundation
import GovTopCore
import GRDB
import Synchronization

/// The ledger of record in one SQLite file (WAL mode, `synchronous=NORMAL`: a committed batch
/// survives `kill -9`). Opening checks the file before anything writes to it: a file that is not
/// SQLite or fails `quick_check` is corrupt, one of a newer schema is refused; either is left as it is.
public final class SQLiteLedgerStore: LedgerStore {
    public let path: String
    private let pool: DatabasePool
    /// Series ids by series, pricing-table ids by fingerprint: learned from committed transactions only.
    private let ids = Mutex<(series: [LedgerSeries: Int64], pricing: [String: Int64])>(([:], [:]))

    /// Opens (creating if missing) and migrates the ledger at `path`.
    ///
    /// - Parameter now: Unix seconds, recorded with each migration applied.
    public init(path: String, now: Int64) throws(LedgerStoreError) {
        self.path = path
        try Self.checkHeader(path)
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        configuration.label = "govtop-ledger"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            if FileManager.default.fileExists(atPath: path) {
                // A separate, short-lived connection reads the file's health and version first; the pool
                // (which switches the file to WAL) opens only a file that passed.
                let probe = try DatabaseQueue(path: path, configuration: configuration)
                let (health, version) = try probe.read { db in
                    (try String.fetchAll(db, sql: "PRAGMA quick_check"), try LedgerSchema.version(db))
                }
                try probe.close()
                guard health == ["ok"] else {
                    throw LedgerStoreError(.corrupt, Self.corruptMessage(path, detail: health.prefix(3).joined(separator: "; ")))
                }
                guard version <= LedgerSchema.current else {
                    throw LedgerStoreError(.newerSchema, "\(path) was written by a newer govtop (ledger schema version \(version); "
                        + "this govtop reads up to version \(LedgerSchema.current)). It was left unchanged: run the newer govtop, "
                        + "or give this one another directory with --state DIR, or --ephemeral")
                }
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in try LedgerSchema.migrate(db, now: now) }
        } catch let error as LedgerStoreError {
            throw error
        } catch {
            throw Self.describe(error, path: path)
        }
    }

    public func restore() throws(LedgerStoreError) -> LedgerRestore {
        try access { () throws -> LedgerRestore in
            try pool.read { db in
                var snapshot = LedgerRestore()
                var seriesIDs: [LedgerSeries: Int64] = [:]
                let columns = AmountColumns.names.map { "t." + $0 }.joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: """
                    SELECT s.id, s.dimension, s.key, \(columns) FROM series s JOIN series_totals t ON t.series_id = s.id
                    WHERE \(LedgerSchema.boundedSeries("s")) ORDER BY s.id
                    """) {
                    let dimensionText: String = row[1]
                    let series: LedgerSeries
                    if dimensionText.isEmpty {
                        series = .all
                    } else {
                        guard let dimension = Dimension(rawValue: dimensionText) else { continue }
                        series = LedgerSeries(dimension: dimension, key: row[2])
                    }
                    seriesIDs[series] = row[0]
                    let totals = try AmountColumns.totals(row, from: 3)
                    if series == .all { snapshot.totals = totals } else { snapshot.groups.append((series, totals)) }
                }
                // The latest period of each budget.
                for row in try Row.fetchAll(db, sql: """
                    SELECT name, period, period_start, period_end, consumed_nanos, substr(burn, 1, \(BurnRecord.maxEncodedBytes + 1)),
                           substr(rolling, 1, \(RollingRecord.maxEncodedBytes + 1)) FROM budget_periods b
                    WHERE period_start = (SELECT MAX(period_start) FROM budget_periods WHERE name = b.name) ORDER BY name
                    """) {
                    let start: Int64 = row[2], end: Int64 = row[3]
                    snapshot.budgets.append(BudgetPeriodRecord(
                        name: row[0], period: row[1], window: BudgetWindow(start: UInt64(max(0, start)), end: UInt64(max(0, end))),
                        consumed: Money(nanos: try AmountColumns.wide(row, 4)), burn: BurnRecord(encoded: row[5]) ?? BurnRecord(),
                        rolling: (row[6] as String?).flatMap(RollingRecord.init(encoded:))))
                }
                snapshot.alerts = try Self.readAlerts(db)
                ids.withLock { $0.series = seriesIDs }
                return snapshot
            }
        }
    }

    public func commit(_ commit: LedgerCommit) throws(LedgerStoreError) {
        let known = ids.withLock { $0 }
        let learned = try access { () throws -> (series: [LedgerSeries: Int64], pricing: [String: Int64]) in
            try pool.write { db in
                var learned = (series: [LedgerSeries: Int64](), pricing: [String: Int64]())
                func seriesID(_ series: LedgerSeries) throws -> Int64 {
                    if let id = known.series[series] ?? learned.series[series] { return id }
                    let dimension = series.dimension?.rawValue ?? ""
                    try db.execute(sql: "INSERT OR IGNORE INTO series (dimension, key) VALUES (?, ?)", arguments: [dimension, series.key])
                    let id = try Int64.fetchOne(db, sql: "SELECT id FROM series WHERE dimension = ? AND key = ?",
                                                arguments: [dimension, series.key]) ?? 0
                    learned.series[series] = id
                    return id
                }
                var pricingID: Int64 = 0
                if !commit.buckets.isEmpty {
                    if let id = known.pricing[commit.pricingID] {
                        pricingID = id
                    } else {
                        try db.execute(sql: "INSERT OR IGNORE INTO pricing_tables (fingerprint, first_used) VALUES (?, ?)",
                                       arguments: [commit.pricingID, commit.buckets.map(\.key.hourStart).min() ?? 0])
                        pricingID = try Int64.fetchOne(db, sql: "SELECT id FROM pricing_tables WHERE fingerprint = ?",
                                                       arguments: [commit.pricingID]) ?? 0
                        learned.pricing[commit.pricingID] = pricingID
                    }
                }
                var seriesDeltas: [Int64: Totals] = [:]
                for delta in commit.buckets {
                    let id = try seriesID(delta.key.series)
                    try Self.add(delta.amounts, db: db, table: "hourly",
                                 where: "series_id = ? AND hour_start = ? AND pricing_id = ?", keys: [id, delta.key.hourStart, pricingID])
                    seriesDeltas[id, default: Totals()].add(delta.amounts)
                }
                for (id, amounts) in seriesDeltas {
                    try Self.add(amounts, db: db, table: "series_totals", where: "series_id = ?", keys: [id])
                }
                for record in commit.budgets {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO budget_periods (name, period, period_start, period_end, consumed_nanos, burn, rolling)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [record.name, record.period, Int64(clamping: record.window.start), Int64(clamping: record.window.end),
                                         AmountColumns.wide(record.consumed.nanos), record.burn.encoded, record.rolling?.encoded])
                }
                if let alerts = commit.alerts { try Self.writeAlerts(alerts, db: db) }
                return learned
            }
        }
        ids.withLock { ids in
            ids.series.merge(learned.series) { $1 }
            ids.pricing.merge(learned.pricing) { $1 }
        }
    }

    public func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer {
        try access { () throws -> HistoryAnswer in
            let columns = AmountColumns.names.map { "h." + $0 }.joined(separator: ", ")
            let rows = try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT s.key, h.hour_start, \(columns) FROM hourly h JOIN series s ON s.id = h.series_id
                    WHERE s.dimension = ? AND h.hour_start >= ? AND h.hour_start < ? AND \(LedgerSchema.boundedSeries("s"))
                    """, arguments: [query.dimension.rawValue, query.from, query.to])
            }
            let hourly = try rows.map { row throws -> (key: String, hourStart: Int64, amounts: Totals) in
                (row[0], row[1], try AmountColumns.totals(row, from: 2))
            }
            return HistoryAnswer(query: query, hourlyRows: hourly)
        }
    }

    public func prune(before: Int64) throws(LedgerStoreError) -> Int {
        try access { () throws -> Int in
            try pool.write { db in
                try db.execute(sql: "DELETE FROM hourly WHERE hour_start < ?", arguments: [before])
                return db.changesCount
            }
        }
    }

    public func diskBytes() -> Int64 {
        [path, path + "-wal"].reduce(Int64(0)) { sum, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
            return sum + size
        }
    }

    // MARK: - Helpers

    /// Runs a database access, turning its errors into messages that name the file.
    private func access<T>(_ body: () throws -> T) throws(LedgerStoreError) -> T {
        do {
            return try body()
        } catch let error as LedgerStoreError {
            // A value the read refused (AmountColumns): the file's path and what to do go with it.
            guard error.kind == .corrupt else { throw error }
            throw LedgerStoreError(.corrupt, Self.corruptMessage(path, detail: error.description))
        } catch {
            throw Self.describe(error, path: path)
        }
    }

    /// Adds amounts to a row (read, add, write: the sums are exact 128-bit integers, not SQL's).
    private static func add(_ amounts: Totals, db: Database, table: String, where condition: String, keys: [Int64]) throws {
        let names = AmountColumns.names.joined(separator: ", ")
        var totals = amounts
        if let row = try Row.fetchOne(db, sql: "SELECT \(names) FROM \(table) WHERE \(condition)", arguments: StatementArguments(keys)) {
            totals.add(try AmountColumns.totals(row, from: 0))
        }
        let keyNames = condition.components(separatedBy: " AND ").map { $0.replacingOccurrences(of: " = ?", with: "") }
        let placeholders = Array(repeating: "?", count: keyNames.count + AmountColumns.names.count).joined(separator: ", ")
        let values: [DatabaseValue] = keys.map(\.databaseValue) + AmountColumns.values(totals)
        try db.execute(sql: "INSERT OR REPLACE INTO \(table) (\(keyNames.joined(separator: ", ")), \(names)) VALUES (\(placeholders))",
                       arguments: StatementArguments(values))
    }

    private static func writeAlerts(_ record: AlertLogRecord, db: Database) throws {
        try db.execute(sql: "DELETE FROM alerts")
        for saved in record.alerts {
            let alert = saved.alert
            try db.execute(sql: """
                INSERT INTO alerts (id, number, kind, severity, subject, message, first_seen, last_seen, count, state, resolved_at,
                    acknowledged, severity_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [alert.id, Int64(clamping: saved.number), alert.kind.rawValue, alert.severity.rawValue, alert.subject,
                                 alert.message, Int64(clamping: alert.firstSeen), Int64(clamping: alert.lastSeen), alert.count,
                                 alert.state.rawValue, alert.resolvedAt.map { Int64(clamping: $0) }, alert.acknowledged,
                                 Int64(clamping: saved.severitySeenAt)])
        }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('alert_next_number', ?), ('alert_dropped', ?)",
                       arguments: [Int64(clamping: record.nextNumber), record.droppedCount])
    }

    private static func readAlerts(_ db: Database) throws -> AlertLogRecord? {
        let next = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'alert_next_number'")
        guard let next else { return nil }
        let dropped = try Row.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'alert_dropped'").map { try AmountColumns.count($0, 0) } ?? 0
        var alerts: [AlertRecord] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT id, number, kind, severity, subject, message, first_seen, last_seen, count, state, resolved_at, acknowledged,
                severity_seen_at FROM alerts ORDER BY number
            """) {
            guard let kind = AlertKind(rawValue: row[2]), let severity = AlertSeverity(rawValue: row[3]),
                  let state = AlertState(rawValue: row[9]) else { continue }
            let number: Int64 = row[1], firstSeen: Int64 = row[6], lastSeen: Int64 = row[7], seenAt: Int64 = row[12]
            let resolvedAt: Int64? = row[10]
            let alert = Alert(id: row[0], kind: kind, severity: severity, subject: row[4], message: row[5],
                              firstSeen: UInt64(max(0, firstSeen)), lastSeen: UInt64(max(0, lastSeen)), count: try AmountColumns.count(row, 8),
                              state: state,
                              resolvedAt: resolvedAt.map { UInt64(max(0, $0)) }, acknowledged: row[11])
            alerts.append(AlertRecord(alert: alert, number: UInt64(max(0, number)), severitySeenAt: UInt64(max(0, seenAt))))
        }
        return AlertLogRecord(alerts: alerts, nextNumber: UInt64(max(1, next)), droppedCount: dropped)
    }

    /// A file that exists and is not empty must start with SQLite's header; checked without opening
    /// it, so nothing (not even SQLite's recovery) writes to a file that is not a ledger.
    private static func checkHeader(_ path: String) throws(LedgerStoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard !header.isEmpty else { return }
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw LedgerStoreError(.corrupt, corruptMessage(path, detail: "it is not an SQLite database"))
        }
    }

    private static func corruptMessage(_ path: String, detail: String) -> String {
        "the ledger \(path) is damaged (\(ControlCharacters.replaced(in: detail))). govtop left it untouched: move it aside "
            + "(govtop starts a new ledger) or restore it from a backup, or run with --state DIR or --ephemeral"
    }

    static func describe(_ error: any Error, path: String) -> LedgerStoreError {
        guard let error = error as? DatabaseError else {
            return LedgerStoreError(.other, "the ledger \(path): \(error)")
        }
        let message = error.message ?? "\(error)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return LedgerStoreError(.corrupt, corruptMessage(path, detail: message))
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return LedgerStoreError(.readOnly, "the ledger \(path) cannot be written (\(message)): make it and its directory "
                                        + "writable, or run with --state DIR or --ephemeral")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LedgerStoreError(.locked, "the ledger \(path) is in use by another process (\(message))")
        case .SQLITE_FULL, .SQLITE_IOERR:
            return LedgerStoreError(.write, "writing \(path) failed (\(message)): the disk may be full or a file-size limit reached")
        default:
            return LedgerStoreError(.other, "the ledger \(path): \(message)")
        }
    }
}
