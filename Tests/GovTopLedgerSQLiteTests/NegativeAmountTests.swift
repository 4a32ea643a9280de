import Foundation
import GovTopCore
@testable import GovTopLedgerSQLite
import GRDB
import GovTopTestSupport
import Testing

/// govtop never writes a negative amount or count to its ledger: one found there (another program
/// changed the file) is refused like any other corrupt value, by path, and never summed into a total,
/// a group, a budget, history or an alert. Burn and rolling records with a negative amount are
/// dropped like malformed ones.
@Suite struct NegativeAmountTests {
    static let hour: Int64 = 1_767_225_600 // 2026-01-01T00:00Z

    enum Read: String, CaseIterable, Sendable {
        case restore, history, commit
    }

    static let tamperings = [
        Tampering<Read>("UPDATE series_totals SET cost_estimated_nanos = -5000000000 "
                        + "WHERE series_id = (SELECT id FROM series WHERE key = 'ml')",
                        column: "cost_estimated_nanos", refusedBy: [.restore, .commit]),
        Tampering<Read>("UPDATE series_totals SET requests = '-1' WHERE series_id = (SELECT id FROM series WHERE dimension = '')",
                        column: "requests", refusedBy: [.restore, .commit]),
        Tampering<Read>("UPDATE budget_periods SET consumed_nanos = -9000000000", column: "consumed_nanos", refusedBy: [.restore]),
        Tampering<Read>("UPDATE hourly SET input_tokens = -100", column: "input_tokens", refusedBy: [.history, .commit]),
        Tampering<Read>("UPDATE alerts SET count = -3", column: "count", refusedBy: [.restore]),
        Tampering<Read>("UPDATE meta SET value = -1 WHERE key = 'alert_dropped'", column: "value", refusedBy: [.restore]),
    ]

    static func amounts() -> Totals {
        var amounts = Totals()
        amounts.requests = 2
        amounts.inputTokens = 100
        amounts.estimatedCost = Money(nanos: 1_000_000_000)
        return amounts
    }

    static func buckets() -> [LedgerBucketDelta] {
        [LedgerBucketDelta(key: LedgerBucketKey(series: .all, hourStart: hour), amounts: amounts()),
         LedgerBucketDelta(key: LedgerBucketKey(series: LedgerSeries(dimension: .team, key: "ml"), hourStart: hour), amounts: amounts())]
    }

    /// A ledger with spend of team ml, a budget period and an alert; `statement` run on it afterwards.
    static func ledger(in directory: TemporaryDirectory, then statement: String) throws -> String {
        let path = directory.file("ledger.sqlite")
        let start = UInt64(hour) * 1_000_000_000
        let alert = Alert(id: "a1", kind: .budgetThreshold, severity: .warning, subject: "budget cap", message: "50% used",
                          firstSeen: 10, lastSeen: 20, count: 2, state: .active, resolvedAt: nil, acknowledged: false)
        do {
            let store = try SQLiteLedgerStore(path: path, now: hour)
            try store.commit(LedgerCommit(
                buckets: buckets(), pricingID: "p",
                budgets: [BudgetPeriodRecord(name: "cap", period: "daily", window: BudgetWindow(start: start, end: start + 86_400_000_000_000),
                                             consumed: Money(nanos: 1_000_000_000),
                                             burn: BurnRecord(observedSince: start, minutes: [BurnMinute(minute: 29_453_760, amount: Money(nanos: 7))]))],
                alerts: AlertLogRecord(alerts: [AlertRecord(alert: alert, number: 1, severitySeenAt: 10)], nextNumber: 2, droppedCount: 0)))
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: statement) }
        try queue.close()
        return path
    }

    @Test(arguments: tamperings) func aNegativeAmountIsRefusedAsCorruptByPath(_ tampering: Tampering<Read>) throws {
        let directory = TemporaryDirectory()
        let path = try Self.ledger(in: directory, then: tampering.statement)
        let store = try SQLiteLedgerStore(path: path, now: Self.hour)
        func run(_ read: Read) throws(LedgerStoreError) {
            switch read {
            case .restore: _ = try store.restore()
            case .history: _ = try store.history(HistoryQuery(dimension: .team, bucket: .hour, from: Self.hour, to: Self.hour + 3600))
            case .commit: try store.commit(LedgerCommit(buckets: Self.buckets(), pricingID: "p"))
            }
        }
        let failures = Tampering<Read>.failures(of: Read.allCases, run)
        #expect(Set(failures.keys) == tampering.refusedBy)
        for (read, error) in failures {
            #expect(error.kind == .corrupt && error.description.contains("negative amount, \(tampering.column) = -"), "\(read): \(error)")
            #expect(error.description.contains(path), "\(read): \(error)")
        }
    }

    @Test(arguments: [
        ("UPDATE budget_periods SET burn = '0;29453760:-7'", true),
        ("UPDATE budget_periods SET burn = '0;29453760:7'", false),
    ])
    func aBurnRecordWithANegativeMinuteIsDroppedLikeAMalformedOne(_ statement: String, dropped: Bool) throws {
        let directory = TemporaryDirectory()
        let path = try Self.ledger(in: directory, then: statement)
        let budget = try #require(try SQLiteLedgerStore(path: path, now: Self.hour).restore().budgets.first)
        #expect(budget.consumed == Money(nanos: 1_000_000_000))
        #expect(budget.burn.minutes.isEmpty == dropped)
    }

    @Test func aRollingRecordWithANegativeSliceIsRefused() {
        #expect(RollingRecord(encoded: "60000000000;5:100,6:-1") == nil)
        #expect(RollingRecord(encoded: "60000000000;5:100,6:1")?.slices.count == 2)
        #expect(BurnRecord(encoded: "0;1:-1") == nil)
    }
}
