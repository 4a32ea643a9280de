/// GenOps accounting and SLA outcomes, summed exactly: reserved against actual for the units govtop
/// can add up (`USD` and `tokens`), over the spans that reported both (reconciled spans), and SLA
/// checks and misses. One span's share is a `Contribution.accounting`; a group's sum is in `Totals`.
public struct AccountingTotals: Sendable, Hashable {
    /// Spans that reported both a reserved and an actual amount in USD.
    public var reconciledUSD = 0
    public var reservedUSD = Money.zero
    public var actualUSD = Money.zero
    /// Spans that reported both a reserved and an actual amount in tokens.
    public var reconciledTokens = 0
    public var reservedTokens: Int128 = 0
    public var actualTokens: Int128 = 0
    /// Spans with an SLA outcome, and those whose SLA was missed.
    public var slaChecked = 0
    public var slaViolations = 0

    public init() {}

    /// How far actual spend missed its reservation (actual − reserved), in dollars, exact.
    public var deltaUSD: Money { actualUSD - reservedUSD }
    /// How far actual tokens missed their reservation (actual − reserved).
    public var deltaTokens: Int128 { actualTokens - reservedTokens }
    /// Share of SLA-checked spans that missed; nil before any was checked.
    public var slaMissRate: Double? { slaChecked == 0 ? nil : Double(slaViolations) / Double(slaChecked) }

    /// One span's share, from its facts.
    public init(_ facts: GovernanceFacts) {
        if let accounting = facts.accounting {
            switch (accounting.reserved, accounting.actual) {
            case (.usd(let reserved), .usd(let actual)):
                reconciledUSD = 1
                reservedUSD = reserved
                actualUSD = actual
            case (.tokens(let reserved), .tokens(let actual)):
                reconciledTokens = 1
                reservedTokens = Int128(reserved)
                actualTokens = Int128(actual)
            default:
                break
            }
        }
        if let sla = facts.sla {
            slaChecked = 1
            slaViolations = sla.met ? 0 : 1
        }
    }

    /// Adds (sign +1) or removes (sign −1) another sum.
    public mutating func add(_ other: AccountingTotals, sign: Int = 1) {
        reconciledUSD += sign * other.reconciledUSD
        reservedUSD += other.reservedUSD.signed(sign)
        actualUSD += other.actualUSD.signed(sign)
        reconciledTokens += sign * other.reconciledTokens
        reservedTokens += Int128(sign) * other.reservedTokens
        actualTokens += Int128(sign) * other.actualTokens
        slaChecked += sign * other.slaChecked
        slaViolations += sign * other.slaViolations
    }

    /// Field by field and inlined: `Totals.add` asks it of every span's share for every group.
    public var isZero: Bool {
        @inline(__always) get {
            reconciledUSD == 0 && reconciledTokens == 0 && slaChecked == 0 && slaViolations == 0 && reservedUSD.isZero
                && actualUSD.isZero && reservedTokens == 0 && actualTokens == 0
        }
    }
}
