/// Cost, tokens and requests added in one time bucket of a group, as exact integers. Read back as
/// per-minute `RateSlot`s.
struct RateBucket: Sendable, Hashable {
    var cost = Money.zero
    var tokens: Int64 = 0
    var requests: Int64 = 0

    /// One span's share (sign −1 removes it when the span moves to another group).
    init(_ contribution: Contribution, sign: Int) {
        cost = contribution.cost.amount.signed(sign)
        tokens = Int64(sign) * (contribution.inputTokens + contribution.outputTokens)
        requests = Int64(sign * contribution.requests)
    }

    init() {}

    var isZero: Bool { cost.isZero && tokens == 0 && requests == 0 }

    mutating func add(_ other: RateBucket) {
        cost += other.cost
        tokens += other.tokens
        requests += other.requests
    }

    static func + (lhs: RateBucket, rhs: RateBucket) -> RateBucket {
        var sum = lhs
        sum.add(rhs)
        return sum
    }
}
