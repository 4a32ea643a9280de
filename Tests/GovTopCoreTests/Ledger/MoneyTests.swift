import Testing
@testable import GovTopCore

/// `Money` at its two doors: `Double` in (validated, rounded to the nano-dollar), `Double` out.
@Suite struct MoneyTests {
    @Test(arguments: [-1e-9, -1, .nan, .infinity, -.infinity, 1e308, 10.000_000_001])
    func amountsOutsideTheDoorAreRefused(usd: Double) {
        #expect(Money(usd: usd, limit: 10) == nil)
    }

    @Test(arguments: [(-0.0, Int128(0)), (4e-10, 0), (5e-10, 0), (1.5e-9, 2), (0.1, 100_000_000), (10, 10_000_000_000)])
    func amountsAreRoundedToTheNearestNanoDollar(usd: Double, nanos: Int128) {
        let money = Money(usd: usd, limit: 10)
        #expect(money?.nanos == nanos)
        #expect(money?.usd.sign == .plus)
    }

    /// Found in review: budgets may reach $10¹², beyond 64 bits of nano-dollars (~$9.2 billion);
    /// such an amount was refused at the door and a configured limit silently became $0.
    @Test(arguments: [9.3e9, 1e10, 123_456_789_012.5, 1e12])
    func amountsBeyond64BitsOfNanoDollarsAreKept(usd: Double) throws {
        let money = try #require(Money(usd: usd, limit: 1e12))
        #expect(money.nanos == Int128(exactly: (usd * 1e9).rounded(.toNearestOrEven)))
        #expect(money.usd == usd)
    }

    /// Beyond 64 bits the slow path still gives whole dollars and nano-dollars apart.
    @Test(arguments: [Int128(0), 1, 999_999_999, 1_000_000_001, Int128(Int64.max), Int128(Int64.max) + 1, Int128(1) << 100])
    func dollarsComeBackFromNanos(nanos: Int128) {
        let expected = Double(nanos / 1_000_000_000) + Double(nanos % 1_000_000_000) / 1e9
        #expect(Money(nanos: nanos).usd == expected)
    }

    @Test func addingAndRemovingTheSameAmountsLeavesExactlyZero() {
        let amounts = [0.1, 0.2, 0.3, 1e-9, 999_999.999_999_999].compactMap { Money(usd: $0, limit: 1e6) }
        var sum = Money.zero
        for amount in amounts { sum += amount }
        for amount in amounts.reversed() { sum += amount.signed(-1) }
        #expect(sum == .zero && sum.usd == 0 && sum.usd.sign == .plus)
    }

    /// A million spans at the per-span bound: far from where a 128-bit total could overflow.
    @Test func totalsAtTheBoundDoNotOverflow() throws {
        let most = try #require(Money(usd: ValueBounds.maxSpanCostUSD, limit: ValueBounds.maxSpanCostUSD))
        var total = Money.zero
        for _ in 0..<1_000_000 { total += most }
        #expect(total.nanos == Int128(1_000_000) * 1_000_000_000_000_000)
        #expect(total.usd == 1e12)
    }
}
