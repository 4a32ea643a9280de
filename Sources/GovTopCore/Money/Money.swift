/// An exact amount of US dollars: a whole number of nano-dollars (10⁻⁹ USD) in a 128-bit integer.
///
/// Every amount govtop sums (span costs, ledger totals, group and rate buckets, budget consumption
/// and burn, Prometheus counters) is a `Money`, so sums are exact: adding and removing the same
/// amounts in any order gives back exactly what was there, and nothing is ever `-0`. `Double`
/// appears only at the doors: `init?(usd:limit:)` when a value arrives, `usd` when one is shown.
///
/// Why 128 bits: one span may carry up to `ValueBounds.maxSpanCostUSD` ($1,000,000 = 10¹⁵
/// nano-dollars), so an `Int64` total (at most 9.2 × 10¹⁸) would overflow after 9,224 hostile
/// spans. An `Int128` total overflows only after 1.7 × 10²³ such spans: at a million spans a
/// second, five billion years. The ordinary operators (which trap on overflow) are therefore safe.
public struct Money: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in nano-dollars.
    public var nanos: Int128

    public static let nanosPerDollar: Int128 = 1_000_000_000
    public static let zero = Money(nanos: 0)

    public init(nanos: Int128) {
        self.nanos = nanos
    }

    /// A dollar amount read at the door, rounded to the nearest nano-dollar (ties to even).
    ///
    /// Nil when the amount is not finite, is negative, or is above `limit` dollars; callers count a
    /// nil as an invalid value instead of summing it. `-0.0`, and positive amounts below half a
    /// nano-dollar, give zero (an integer has no negative zero).
    public init?(usd: Double, limit: Double) {
        guard usd.isFinite, usd >= 0, usd <= limit else { return nil }
        let scaled = (usd * 1e9).rounded(.toNearestOrEven)
        // Amounts beyond 64 bits of nano-dollars (about $9.2 billion: budgets can be) convert in 128.
        if let nanos = Int64(exactly: scaled) {
            self.nanos = Int128(nanos)
        } else {
            guard let nanos = Int128(exactly: scaled) else { return nil }
            self.nanos = nanos
        }
    }

    /// The amount in dollars, for JSON, Prometheus and the screen. The whole dollars and the
    /// nano-dollars are converted apart, so amounts up to 2⁵³ dollars keep every nano-dollar that a
    /// `Double` can hold.
    public var usd: Double {
        // Amounts that fit 64 bits (every span's, nearly every total) divide in hardware; a 128-bit
        // division is a library call.
        if let small = Int64(exactly: nanos) {
            let (dollars, fraction) = small.quotientAndRemainder(dividingBy: 1_000_000_000)
            return Double(dollars) + Double(fraction) / 1e9
        }
        let (dollars, fraction) = nanos.quotientAndRemainder(dividingBy: Money.nanosPerDollar)
        return Double(dollars) + Double(fraction) / 1e9
    }

    /// `usd` divided by `divisor` (for per-minute and per-hour rates), 0 for a divisor ≤ 0.
    public func usd(per divisor: Double) -> Double {
        divisor > 0 ? usd / divisor : 0
    }

    public var isZero: Bool { nanos == 0 }

    public var description: String { "$\(usd)" }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(nanos: lhs.nanos + rhs.nanos) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(nanos: lhs.nanos - rhs.nanos) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.nanos < rhs.nanos }

    /// The amount to add for a sign of +1, or to take away (negated) for −1. (Not a multiplication:
    /// an overflow-checked 128-bit multiply is a library call, and this runs for every span and group.)
    @inline(__always)
    public func signed(_ sign: Int) -> Money { sign < 0 ? Money(nanos: 0 - nanos) : self }
}
