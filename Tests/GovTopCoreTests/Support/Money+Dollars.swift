import GovTopCore

extension Money {
    /// An amount written in dollars in a test, rounded to the nearest nano-dollar; negative amounts
    /// (moves out of a scope) allowed.
    static func dollars(_ amount: Double) -> Money {
        Money(nanos: Int128((amount * 1e9).rounded()))
    }
}
