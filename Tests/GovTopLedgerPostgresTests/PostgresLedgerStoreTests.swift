import Foundation
import GovTopCore
import Synchronization
@testable import GovTopLedgerPostgres
import Testing

/// The shared ledger against a real PostgreSQL server (`PostgresTestServer`): what one store commits
/// another restores exactly, two instances' additive writes add up, budgets add as deltas, and the
/// schema migrates once and refuses a newer version.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct PostgresLedgerStoreTests {
    static let hour: Int64 = 1_767_225_600 // 2026-01-01T00:00Z

    static func amounts(requests: Int, costNanos: Int128, tokens: Int128 = 100) -> Totals {
        var totals = Totals()
        totals.requests = requests
        totals.inputTokens = tokens
        totals.outputTokens = tokens / 5
        totals.estimatedCost = Money(nanos: costNanos)
        totals.reportedCost = Money(nanos: costNanos / 3)
        totals.errors = requests / 2
        return totals
    }

    static func buckets(_ team: String, requests: Int, costNanos: Int128, hour: Int64 = hour) -> [LedgerBucketDelta] {
        let totals = amounts(requests: requests, costNanos: costNanos)
        return [LedgerBucketDelta(key: LedgerBucketKey(series: .all, hourStart: hour), amounts: totals),
                LedgerBucketDelta(key: LedgerBucketKey(series: LedgerSeries(dimension: .team, key: team), hourStart: hour), amounts: totals)]
    }

    static func budget(_ consumedNanos: Int128, name: String = "ml-daily") -> BudgetPeriodRecord {
        let start = UInt64(hour) * 1_000_000_000
        return BudgetPeriodRecord(name: name, period: "daily", window: BudgetWindow(start: start, end: start + 86_400_000_000_000),
                                  consumed: Money(nanos: consumedNanos),
                                  burn: BurnRecord(observedSince: start, minutes: [BurnMinute(minute: 29_453_760, amount: Money(nanos: 7))]))
    }

    @Test func committedSpendBudgetsAndAlertsAreRestoredExactly() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase(instance: "one")
        let store = try PostgresLedgerStore(url: url, now: Self.hour)
        let alert = Alert(id: "a3", kind: .budgetThreshold, severity: .warning, subject: "budget ml-daily", message: "80% used",
                          firstSeen: 10, lastSeen: 20, count: 2, state: .active, resolvedAt: nil, acknowledged: true)
        // Beyond 64 bits: NUMERIC keeps every digit.
        let huge: Int128 = Int128(Int64.max) * 1000 + 7
        try store.commit(LedgerCommit(buckets: Self.buckets("ml", requests: 3, costNanos: huge), pricingID: "2026-01-01/aaaa",
                                      budgets: [Self.budget(1_500_000_000)],
                                      alerts: AlertLogRecord(alerts: [AlertRecord(alert: alert, number: 3, severitySeenAt: 15)],
                                                             nextNumber: 4, droppedCount: 1)))
        try store.commit(LedgerCommit(buckets: Self.buckets("web", requests: 1, costNanos: 5), pricingID: "2026-01-01/aaaa"))

        let restored = try PostgresLedgerStore(url: url, now: Self.hour).restore()
        var total = Self.amounts(requests: 3, costNanos: huge)
        total.add(Self.amounts(requests: 1, costNanos: 5))
        #expect(restored.totals == total)
        #expect(restored.groups.map(\.series.key) == ["ml", "web"])
        #expect(restored.groups.first?.totals == Self.amounts(requests: 3, costNanos: huge))
        #expect(restored.budgets == [Self.budget(1_500_000_000)])
        #expect(restored.alerts == AlertLogRecord(alerts: [AlertRecord(alert: alert, number: 3, severitySeenAt: 15)],
                                                  nextNumber: 4, droppedCount: 1))

        let history = try store.history(HistoryQuery(dimension: .team, bucket: .hour, from: Self.hour, to: Self.hour + 7200))
        #expect(history.series.map(\.key) == ["ml", "web"])
        #expect(history.series.first?.points.first?.totals == Self.amounts(requests: 3, costNanos: huge))
        #expect(try store.prune(before: Self.hour + 3600) == 3)
        #expect(try store.history(HistoryQuery(dimension: .team, bucket: .hour, from: Self.hour, to: Self.hour + 7200)).series.isEmpty)
    }

    @Test func twoInstancesCommittingAtOnceAddUpExactly() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase()
        var other = url
        other.instance = "two"
        let first = try PostgresLedgerStore(url: url, now: Self.hour)
        let second = try PostgresLedgerStore(url: other, now: Self.hour)
        _ = try first.restore()
        _ = try second.restore()
        let rounds = 25
        // Two threads, not a task group: the store blocks its caller, and a debug build crashed
        // (a null jump in swift_job_run) with Int128 amounts held across the group's suspension.
        let writers: [(PostgresLedgerStore, String, Int128)] = [(first, "ml", 333_333_333), (second, "web", 1)]
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: writers.count) { index in
            let (store, team, cost) = writers[index]
            do {
                for round in 0..<rounds {
                    // Both write the all-spend row and a shared group in the same hours: the rows they contend for.
                    var buckets = Self.buckets(team, requests: 1, costNanos: cost, hour: Self.hour + Int64(round % 3) * 3600)
                    buckets.append(LedgerBucketDelta(key: LedgerBucketKey(series: LedgerSeries(dimension: .model, key: "gpt-4o"),
                                                                          hourStart: Self.hour), amounts: Self.amounts(requests: 1, costNanos: cost)))
                    try store.commit(LedgerCommit(buckets: buckets, pricingID: "p"))
                }
            } catch {
                failures.withLock { $0.append("\(team): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let figures = try first.fleetFigures()
        var expected = Totals()
        for _ in 0..<rounds {
            expected.add(Self.amounts(requests: 1, costNanos: 333_333_333))
            expected.add(Self.amounts(requests: 1, costNanos: 1))
        }
        #expect(figures.series[.all] == expected)
        #expect(figures.series[LedgerSeries(dimension: .model, key: "gpt-4o")] == expected)
        #expect(figures.series[LedgerSeries(dimension: .team, key: "ml")]?.requests == rounds)
        #expect(figures.series[LedgerSeries(dimension: .team, key: "web")]?.requests == rounds)
        #expect(try second.restore().totals == expected)
        let history = try first.history(HistoryQuery(dimension: .model, bucket: .day, from: Self.hour, to: Self.hour + 86_400))
        #expect(history.series.first?.points.first?.totals == expected)
    }

    @Test func budgetConsumptionIsWrittenAsDeltasSoInstancesAddUp() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase()
        var other = url
        other.instance = "two"
        let first = try PostgresLedgerStore(url: url, now: Self.hour)
        let second = try PostgresLedgerStore(url: other, now: Self.hour)
        _ = try first.restore()
        _ = try second.restore()
        // Each store receives its own instance's absolute consumption; the rows hold the fleet's.
        try first.commit(LedgerCommit(budgets: [Self.budget(5_000)]))
        try second.commit(LedgerCommit(budgets: [Self.budget(3_000)]))
        try first.commit(LedgerCommit(budgets: [Self.budget(7_000)]))
        #expect(try first.fleetFigures().budgets["ml-daily"]?.consumed == Money(nanos: 10_000))
        // A restarted instance starts from the fleet's figure and adds only what it counts after.
        let restarted = try PostgresLedgerStore(url: url, now: Self.hour)
        #expect(try restarted.restore().budgets.first?.consumed == Money(nanos: 10_000))
        try restarted.commit(LedgerCommit(budgets: [Self.budget(10_250)]))
        #expect(try second.fleetFigures().budgets["ml-daily"]?.consumed == Money(nanos: 10_250))
    }

    @Test func aNewDatabaseIsMigratedOnceAndReopeningChangesNothing() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase()
        _ = try PostgresLedgerStore(url: url, now: 100)
        _ = try PostgresLedgerStore(url: url, now: 200)
        #expect(try server.sql("SELECT string_agg(version || ':' || applied_at, ',' ORDER BY version) FROM govtop_schema_version",
                               database: url.database) == PostgresLedgerSchema.migrations.map { "\($0.version):100" }.joined(separator: ","))
        let tables = try server.sql("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE tablename LIKE 'govtop_%'",
                                    database: url.database)
        #expect(tables == "govtop_alert_logs,govtop_alerts,govtop_applied_batches,govtop_budget_periods,govtop_fleet_notifications,"
                    + "govtop_hourly,govtop_pricing_tables,govtop_schema_version,govtop_series_totals")
    }

    @Test func aVersionOneDatabaseIsMigratedToTheCurrentVersionKeepingItsFigures() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase()
        let old = try PostgresLedgerStore(url: url, now: 100)
        // As a govtop of schema version 1 left it: its tables, its figures, no later table.
        _ = try server.sql("DROP TABLE govtop_fleet_notifications, govtop_applied_batches; DELETE FROM govtop_schema_version WHERE version > 1",
                           database: url.database)
        try old.commit(LedgerCommit(buckets: Self.buckets("ml", requests: 2, costNanos: 40), pricingID: "p"))
        let store = try PostgresLedgerStore(url: url, now: 200)
        #expect(try store.restore().totals == Self.amounts(requests: 2, costNanos: 40))
        #expect(try server.sql("SELECT string_agg(version || ':' || applied_at, ',' ORDER BY version) FROM govtop_schema_version",
                               database: url.database) == "1:100,2:200")
        #expect(try store.claim(NotificationClaim(sink: "s", kind: .budgetExceeded, subject: "budget b", request: .resolve)) == .won)
    }

    @Test func aDatabaseOfANewerSchemaIsRefusedAndLeftUnchanged() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase()
        let store = try PostgresLedgerStore(url: url, now: 100)
        try store.commit(LedgerCommit(buckets: Self.buckets("ml", requests: 1, costNanos: 9), pricingID: "p"))
        _ = try server.sql("INSERT INTO govtop_schema_version VALUES (\(PostgresLedgerSchema.current + 1), 300)", database: url.database)
        let before = try server.sql("SELECT requests || '/' || cost_estimated_nanos FROM govtop_series_totals WHERE dimension = ''",
                                    database: url.database)
        let error = #expect(throws: LedgerStoreError.self) { try PostgresLedgerStore(url: url, now: 400) }
        #expect(error?.kind == .newerSchema)
        #expect(error?.description.contains("schema version \(PostgresLedgerSchema.current + 1)") == true)
        #expect(error?.description.contains("newer govtop") == true)
        #expect(try server.sql("SELECT requests || '/' || cost_estimated_nanos FROM govtop_series_totals WHERE dimension = ''",
                               database: url.database) == before)
        #expect(try server.sql("SELECT COUNT(*) FROM govtop_schema_version", database: url.database)
                    == String(PostgresLedgerSchema.migrations.count + 1))
    }

    @Test func aServerThatIsNotThereIsAWriteErrorNamingTheURLWithoutThePassword() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase()
        let store = try PostgresLedgerStore(url: url, now: 100)
        // A port nobody listens on: the connection is refused at once.
        let closed = try PostgresLedgerURL("postgres://govtop:s3cret@127.0.0.1:1/nowhere", environment: [:])
        let error = #expect(throws: LedgerStoreError.self) { try PostgresLedgerStore(url: closed, now: 100, timeout: .seconds(5)) }
        #expect(error?.kind == .write)
        #expect(error?.description.contains("postgres://govtop@127.0.0.1:1/nowhere") == true)
        #expect(error?.description.contains("s3cret") == false)
        // The working store is not disturbed.
        try store.commit(LedgerCommit(buckets: Self.buckets("ml", requests: 1, costNanos: 1), pricingID: "p"))
        #expect(try store.fleetFigures().series[.all]?.requests == 1)
    }
}

/// In CI (`GOVTOP_REQUIRE_POSTGRES=1`) the PostgreSQL tests must run: a missing server fails here
/// instead of skipping them.
struct PostgresRequirementTests {
    @Test func postgresIsThereWhenRequired() throws {
        guard PostgresTestServer.isRequired else { return }
        #expect(PostgresTestServer.isAvailable, "GOVTOP_REQUIRE_POSTGRES=1 but \(PostgresTestServer.skipReason)")
        _ = try PostgresTestServer.shared.get()
    }
}
