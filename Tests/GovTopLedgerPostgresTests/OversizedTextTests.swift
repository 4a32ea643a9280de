import Foundation
import GovTopCore
@testable import GovTopLedgerPostgres
import GovTopTestSupport
import Testing

/// Free text read back from the shared ledger is capped where it is read: another writer can put a
/// megabyte in `claimed_by` or in an alert's subject, and govtop keeps a bounded prefix of it, cut on
/// a character boundary (`é😀` is three bytes and two characters: a byte cut would split one).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct OversizedTextTests {
    /// 1 MiB and a bit of `é😀`, as SQL.
    static let megabyte = "repeat('é😀', 174763)"

    /// `limit` characters of the repeated pair and the ellipsis.
    static func capped(_ limit: Int) -> String {
        String(String(repeating: "é😀", count: limit / 2 + 1).prefix(limit)) + "…"
    }

    @Test func aMegabyteClaimedByIsReadBackCapped() throws {
        let server = try PostgresTestServer.shared.get()
        let (a, b, url) = try server.twoInstances { try PostgresLedgerStore(url: $0, now: 0) }
        let claim = NotificationClaim(sink: "page", kind: .budgetThreshold, subject: "budget cap", request: .fire(.warning))
        #expect(try a.claim(claim) == .won)
        _ = try server.sql("UPDATE govtop_fleet_notifications SET claimed_by = \(Self.megabyte)", database: url.database)
        #expect(try server.sql("SELECT octet_length(claimed_by) FROM govtop_fleet_notifications", database: url.database) == "1048578")

        guard case .lost(let holder) = try b.claim(claim) else {
            Issue.record("the claim of an alert another instance claimed was granted")
            return
        }
        #expect(holder.count == PostgresLedgerSchema.maxNameRead + 1)
        #expect(holder == Self.capped(PostgresLedgerSchema.maxNameRead))
    }

    @Test func anAlertsOversizedIdSubjectAndMessageAreReadBackCapped() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase(instance: "a")
        let store = try PostgresLedgerStore(url: url, now: 0)
        let alert = Alert(id: "a1", kind: .budgetThreshold, severity: .warning, subject: "budget cap", message: "50% used",
                          firstSeen: 10, lastSeen: 20, count: 2, state: .active, resolvedAt: nil, acknowledged: false)
        try store.commit(LedgerCommit(pricingID: "p", alerts: AlertLogRecord(alerts: [AlertRecord(alert: alert, number: 1, severitySeenAt: 10)],
                                                                             nextNumber: 2, droppedCount: 0)))
        // The id is part of the primary key, whose index takes at most ~2.7 kB a row: 1000 pairs.
        _ = try server.sql("UPDATE govtop_alerts SET id = repeat('é😀', 1000), subject = \(Self.megabyte), message = \(Self.megabyte)",
                           database: url.database)

        let restored = try #require(try PostgresLedgerStore(url: url, now: 0).restore().alerts?.alerts.first?.alert)
        #expect(restored.id == Self.capped(PostgresLedgerSchema.maxNameRead))
        #expect(restored.subject == Self.capped(PostgresLedgerSchema.maxTextRead))
        #expect(restored.message == Self.capped(PostgresLedgerSchema.maxTextRead))
    }

    /// A group key longer than govtop writes (`ValueBounds.maxGroupValueBytes`) is not read: not by
    /// the restore, the fleet's figures, nor history. (2,000 bytes: the primary key's index takes
    /// at most ~2.7 kB a row, so no longer key fits the table.)
    @Test(arguments: [(256, true), (257, false), (2_000, false)])
    func aGroupKeyLongerThanGovtopWritesIsNotRead(length: Int, kept: Bool) throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase(instance: "a")
        let hour = PostgresLedgerStoreTests.hour
        try PostgresLedgerStore(url: url, now: 0).commit(LedgerCommit(
            buckets: PostgresLedgerStoreTests.buckets("ml", requests: 3, costNanos: 5), pricingID: "p"))
        for table in ["govtop_series_totals", "govtop_hourly"] {
            _ = try server.sql("UPDATE \(table) SET key = repeat('k', \(length)) WHERE key = 'ml'", database: url.database)
        }
        let store = try PostgresLedgerStore(url: url, now: 0)
        let restored = try store.restore()
        #expect(restored.totals.requests == 3)
        #expect(restored.groups.count == (kept ? 1 : 0))
        #expect(try store.fleetFigures().series.keys.filter { $0 != .all }.count == (kept ? 1 : 0))
        let history = try store.history(HistoryQuery(dimension: .team, bucket: .hour, from: hour, to: hour + 3600))
        #expect(history.series.count == (kept ? 1 : 0))
    }
}
