import Foundation
import GovTopCore
@testable import GovTopLedgerSQLite
import GRDB
import Testing

/// Every earlier schema migrates to the current one and keeps its data. A file of each earlier
/// version is built with the migrations up to it and filled with that version's own SQL; when a
/// new schema version is added, its predecessor gets a case here with data written in the old form.
@Suite struct LedgerMigrationTests {
    struct EarlierSchema: CustomTestStringConvertible, Sendable {
        var version: Int
        /// Rows written as a govtop of `version` wrote them.
        var seed: [String]
        /// Spend of all series the restored ledger must show.
        var expectedRequests: Int
        var testDescription: String { "from schema \(version)" }
    }

    static let earlier: [EarlierSchema] = [
        // Version 0: no file at all, or an empty one (a fresh state directory).
        EarlierSchema(version: 0, seed: [], expectedRequests: 0),
        // Version 1: budget periods without the rolling column (decide, issue 15, added it).
        EarlierSchema(version: 1, seed: [
            "INSERT INTO series (id, dimension, key) VALUES (1, '', '')",
            """
            INSERT INTO series_totals (series_id, requests, input_tokens, output_tokens, cached_input_tokens, reasoning_tokens,
                cost_reported_nanos, cost_estimated_nanos, unpriced_requests, errors, policy_violations, eval_failures)
                VALUES (1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            """,
            """
            INSERT INTO budget_periods (name, period, period_start, period_end, consumed_nanos, burn)
                VALUES ('team:ml', 'daily', 0, 86400000000000, 5, '0;')
            """,
        ], expectedRequests: 3),
    ]

    @Test func everyEarlierVersionHasACase() {
        #expect(Set(Self.earlier.map(\.version)) == Set(0..<LedgerSchema.current))
    }

    @Test(arguments: earlier)
    func migratesToTheCurrentSchemaKeepingItsData(_ schema: EarlierSchema) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("ledger.sqlite")
        if schema.version > 0 {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try LedgerSchema.migrate(db, upTo: schema.version, now: 1)
                for statement in schema.seed { try db.execute(sql: statement) }
            }
            try queue.close()
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: Data())
        }
        let store = try SQLiteLedgerStore(path: path, now: 2)
        #expect(try store.restore().totals.requests == schema.expectedRequests)
        let versions = try SQLiteInspection.rows(path, "SELECT version FROM schema_version ORDER BY version")
        #expect(versions == (1...LedgerSchema.current).map { [String($0)] })
        // The migrated file takes new data.
        var amounts = Totals()
        amounts.requests = 1
        try store.commit(LedgerCommit(buckets: [LedgerBucketDelta(key: LedgerBucketKey(series: .all, hourStart: 0), amounts: amounts)],
                                      pricingID: "p"))
        #expect(try store.restore().totals.requests == schema.expectedRequests + 1)
    }

    @Test func reopeningTheCurrentSchemaAppliesNothing() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("ledger.sqlite")
        _ = try SQLiteLedgerStore(path: path, now: 1)
        _ = try SQLiteLedgerStore(path: path, now: 2)
        // Every version was applied by the first open (at 1); the second applies none (at 2).
        #expect(try SQLiteInspection.rows(path, "SELECT version, applied_at FROM schema_version ORDER BY version")
            == (1...LedgerSchema.current).map { [String($0), "1"] })
    }

    @Test func theLedgerIsInWALMode() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("ledger.sqlite")
        _ = try SQLiteLedgerStore(path: path, now: 1)
        #expect(try SQLiteInspection.rows(path, "PRAGMA journal_mode") == [["wal"]])
    }
}
