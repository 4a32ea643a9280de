import GovTopCore
@testable import GovTopLedgerSQLite
import GovTopTestSupport
import Testing

/// Burn and rolling records read back from a ledger file another program changed: the query reads
/// at most one byte beyond the longest record govtop writes, and a longer one is dropped like a
/// malformed one (the budget keeps its consumption).
@Suite struct OversizedRecordTests {
    static let megabytes = "replace(hex(zeroblob(2500000)), '00', '1:1,') || '1:1'" // ~10 MB of slices

    @Test(arguments: [
        ("UPDATE budget_periods SET rolling = '60;5:100,6:1'", 2),
        ("UPDATE budget_periods SET rolling = '60;' || \(megabytes)", nil),
    ] as [(String, Int?)])
    func aRollingRecordLongerThanAnyGovtopWritesIsDropped(_ statement: String, slices: Int?) throws {
        let directory = TemporaryDirectory()
        let path = try NegativeAmountTests.ledger(in: directory, then: statement)
        let budget = try #require(try SQLiteLedgerStore(path: path, now: NegativeAmountTests.hour).restore().budgets.first)
        #expect(budget.consumed == Money(nanos: 1_000_000_000))
        #expect(budget.rolling?.slices.count == slices)
    }

    @Test func aBurnRecordLongerThanAnyGovtopWritesIsDropped() throws {
        let directory = TemporaryDirectory()
        let path = try NegativeAmountTests.ledger(in: directory, then: "UPDATE budget_periods SET burn = '0;' || \(Self.megabytes)")
        let budget = try #require(try SQLiteLedgerStore(path: path, now: NegativeAmountTests.hour).restore().budgets.first)
        #expect(budget.consumed == Money(nanos: 1_000_000_000))
        #expect(budget.burn.minutes.isEmpty)
    }
}

/// Group keys read back from a ledger file another program changed: a key longer than govtop
/// writes (`ValueBounds.maxGroupValueBytes`) is not read, by the restore nor by history.
@Suite struct OversizedGroupKeyTests {
    @Test(arguments: [(256, true), (257, false), (10_000_000, false)])
    func aGroupKeyLongerThanGovtopWritesIsNotRead(length: Int, kept: Bool) throws {
        let directory = TemporaryDirectory()
        let path = try NegativeAmountTests.ledger(in: directory, then: "UPDATE series SET key = replace(hex(zeroblob(\(length / 2))), '00', 'ab') || substr('x', 1, \(length % 2)) WHERE key = 'ml'")
        let store = try SQLiteLedgerStore(path: path, now: NegativeAmountTests.hour)
        let restored = try store.restore()
        #expect(restored.totals.requests > 0)
        #expect(restored.groups.count == (kept ? 1 : 0))
        #expect(restored.groups.allSatisfy { $0.series.key.utf8.count == length })
        let history = try store.history(HistoryQuery(dimension: .team, bucket: .hour, from: NegativeAmountTests.hour,
                                                     to: NegativeAmountTests.hour + 3600))
        #expect(history.series.count == (kept ? 1 : 0))
    }
}
