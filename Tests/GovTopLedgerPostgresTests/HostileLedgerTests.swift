import Foundation
import GovTopCore
@testable import GovTopLedgerPostgres
import GovTopTestSupport
import Testing

/// The shared ledger is written by every instance of a fleet and by anyone else with access to the
/// database: what the store reads is input. govtop never writes a negative amount, so one there is
/// refused as corrupt wherever it is read; an instance whose fleet read is refused keeps ingesting and
/// committing, counts the failure, says so in an alert, and shows no negative figure.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct HostileLedgerTests {
    static let hour: Int64 = 1_767_225_600 // 2026-01-01T00:00Z

    enum Read: String, CaseIterable, Sendable {
        case restore, fleetFigures, history
    }

    static let tamperings = [
        Tampering<Read>("UPDATE govtop_series_totals SET cost_estimated_nanos = -5000000000 WHERE dimension = 'team' AND key = 'ml'",
                        column: "govtop_series_totals.cost_estimated_nanos", refusedBy: [.restore, .fleetFigures]),
        Tampering<Read>("UPDATE govtop_series_totals SET requests = -1 WHERE dimension = ''",
                        column: "govtop_series_totals.requests", refusedBy: [.restore, .fleetFigures]),
        Tampering<Read>("UPDATE govtop_budget_periods SET consumed_nanos = -9000000000",
                        column: "govtop_budget_periods.consumed_nanos", refusedBy: [.restore, .fleetFigures]),
        Tampering<Read>("UPDATE govtop_hourly SET input_tokens = -100 WHERE key = 'ml'",
                        column: "govtop_hourly.input_tokens", refusedBy: [.history]),
        Tampering<Read>("UPDATE govtop_alerts SET count = -3", column: "govtop_alerts.count", refusedBy: [.restore]),
        Tampering<Read>("UPDATE govtop_alert_logs SET dropped = -1", column: "govtop_alert_logs.dropped", refusedBy: [.restore]),
    ]

    @Test(arguments: tamperings) func aNegativeAmountIsRefusedAsCorruptWhereverItIsRead(_ tampering: Tampering<Read>) throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase()
        let store = try PostgresLedgerStore(url: url, now: Self.hour)
        var amounts = Totals()
        amounts.requests = 2
        amounts.inputTokens = 100
        amounts.estimatedCost = Money(nanos: 1_000_000_000)
        let start = UInt64(Self.hour) * 1_000_000_000
        let alert = Alert(id: "a1", kind: .budgetThreshold, severity: .warning, subject: "budget cap", message: "50% used",
                          firstSeen: 10, lastSeen: 20, count: 2, state: .active, resolvedAt: nil, acknowledged: false)
        try store.commit(LedgerCommit(
            buckets: [LedgerBucketDelta(key: LedgerBucketKey(series: .all, hourStart: Self.hour), amounts: amounts),
                      LedgerBucketDelta(key: LedgerBucketKey(series: LedgerSeries(dimension: .team, key: "ml"), hourStart: Self.hour),
                                        amounts: amounts)],
            pricingID: "p",
            budgets: [BudgetPeriodRecord(name: "cap", period: "daily", window: BudgetWindow(start: start, end: start + 86_400_000_000_000),
                                         consumed: Money(nanos: 1_000_000_000))],
            alerts: AlertLogRecord(alerts: [AlertRecord(alert: alert, number: 1, severitySeenAt: 10)], nextNumber: 2, droppedCount: 0)))
        _ = try server.sql(tampering.statement, database: url.database)

        func run(_ read: Read) throws(LedgerStoreError) {
            switch read {
            case .restore: _ = try PostgresLedgerStore(url: url, now: Self.hour).restore()
            case .fleetFigures: _ = try store.fleetFigures()
            case .history: _ = try store.history(HistoryQuery(dimension: .team, bucket: .hour, from: Self.hour, to: Self.hour + 3600))
            }
        }
        let failures = Tampering<Read>.failures(of: Read.allCases, run)
        #expect(Set(failures.keys) == tampering.refusedBy)
        for (read, error) in failures {
            #expect(error.kind == .corrupt && error.description.contains("negative amount (\(tampering.column) = -"), "\(read): \(error)")
        }
    }

    @Test func anInstanceWhoseFleetReadIsRefusedKeepsCommittingCountsItAndShowsNothingNegative() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase(instance: "a")
        let a = try FleetInstance(url, budgets: [BudgetDefinition(name: "cap", limitUSD: 10, period: .daily, thresholds: [0.5])])
        a.engine.ingest(FleetInstance.batch(1, team: "ml", cost: 2))
        try a.writerStep()

        // Another writer takes $10 off all spend and the budget, and adds a group with negative spend.
        _ = try server.sql("""
            UPDATE govtop_series_totals SET cost_reported_nanos = cost_reported_nanos - 10000000000, requests = requests - 5
                WHERE dimension = '';
            UPDATE govtop_budget_periods SET consumed_nanos = consumed_nanos - 10000000000;
            INSERT INTO govtop_series_totals (dimension, key, \(PostgresLedgerSchema.amountNames.joined(separator: ", ")))
                VALUES ('team', 'evil', -1, 0, 0, 0, 0, -7000000000, 0, 0, 0, 0, 0);
            """, database: url.database)

        // The real writer: its last round (at stop) commits the pending $1, then reads the fleet back.
        let writer = LedgerWriter(engine: a.engine, store: a.store, pricingID: "p", interval: .seconds(3600))
        writer.start()
        a.engine.ingest(FleetInstance.batch(2, team: "ml", cost: 1))
        writer.stop()

        // Accepted spend was committed (the tampered rows aside, the instance's own row holds it all).
        #expect(try server.sql("SELECT cost_reported_nanos FROM govtop_series_totals WHERE dimension = 'team' AND key = 'ml'",
                               database: url.database) == "3000000000")
        #expect(writer.commitCount >= 1)
        // The refused read kept the last good fleet figures: this instance's own $3, nothing negative.
        #expect(a.engine.summary().costUSDTotal == 3)
        #expect(a.engine.summary().requestsTotal == 2)
        #expect(a.engine.groups(by: .team).map(\.key) == ["ml"])
        #expect(a.engine.budgets().first?.consumedUSD == 3)
        let alert = try #require(a.engine.alerts().first { $0.subject == "fleet figures \(url.description)" })
        // Filed as a failed fleet read (the ledger was written fine), and counted as one.
        #expect(alert.kind == .fleetReadFailure && alert.severity == .critical && alert.isActive)
        #expect(alert.kind.rawValue == "fleet_read_failure" && alert.kind.label == "fleet read failure")
        #expect(!a.engine.alerts().contains { $0.kind == .ledgerWriteFailure })
        #expect(a.engine.summary().fleetReadFailures >= 1)
        #expect(a.engine.summary().ledgerWriteErrors == 0)
        #expect(alert.message.contains("negative amount"), "\(alert.message)")
        #expect(alert.message.contains("failed reads"), "\(alert.message)")

        // Once the rows are put right, the next read goes through and the alert resolves.
        _ = try server.sql("""
            UPDATE govtop_series_totals SET cost_reported_nanos = cost_reported_nanos + 10000000000, requests = requests + 5
                WHERE dimension = '';
            UPDATE govtop_budget_periods SET consumed_nanos = consumed_nanos + 10000000000;
            DELETE FROM govtop_series_totals WHERE key = 'evil';
            """, database: url.database)
        try a.writerStep()
        #expect(a.engine.summary().costUSDTotal == 3)
        #expect(a.engine.alerts().first { $0.subject == "fleet figures \(url.description)" }?.isActive == false)
    }
}
