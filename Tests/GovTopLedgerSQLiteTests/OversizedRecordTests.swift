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
