import Testing
@testable import GovTopCore

/// `AccountingTotals.isZero` and `add` name each field by hand (they run for every span's share
/// of every group), so a field added later must be added to both: these tests fail until it is.
@Suite struct AccountingTotalsTests {
    /// Each field, set alone to a non-zero value.
    private static let oneFieldSet: [(String, @Sendable (inout AccountingTotals) -> Void)] = [
        ("reconciledUSD", { $0.reconciledUSD = 1 }),
        ("reservedUSD", { $0.reservedUSD = Money(nanos: 1) }),
        ("actualUSD", { $0.actualUSD = Money(nanos: -1) }),
        ("reconciledTokens", { $0.reconciledTokens = 1 }),
        ("reservedTokens", { $0.reservedTokens = 1 }),
        ("actualTokens", { $0.actualTokens = 1 }),
        ("slaChecked", { $0.slaChecked = 1 }),
        ("slaViolations", { $0.slaViolations = 1 }),
    ]

    @Test func theListAboveNamesEveryStoredField() {
        let stored = Mirror(reflecting: AccountingTotals()).children.compactMap(\.label)
        #expect(stored.sorted() == Self.oneFieldSet.map(\.0).sorted())
    }

    @Test func anyOneNonZeroFieldMakesTheSumNonZero() {
        #expect(AccountingTotals().isZero)
        for (name, set) in Self.oneFieldSet {
            var totals = AccountingTotals()
            set(&totals)
            #expect(!totals.isZero, "\(name) alone")
        }
    }

    @Test func addingAndRemovingEachFieldIsExact() {
        for (name, set) in Self.oneFieldSet {
            var one = AccountingTotals()
            set(&one)
            var sum = AccountingTotals()
            sum.add(one)
            sum.add(one)
            #expect(!sum.isZero, "\(name) added")
            sum.add(one, sign: -1)
            #expect(sum == one, "\(name) added twice, removed once")
            sum.add(one, sign: -1)
            #expect(sum.isZero && sum == AccountingTotals(), "\(name) removed")
        }
    }
}
