/// The GenOps accounting invariant as one span reported it (`genops.accounting.*`, on the span or on
/// its `genops.budget.reservation` / `genops.budget.reconciliation` events; the span's own values
/// win). Amounts in `USD` are exact `Money`, amounts in `tokens` are integral counts; other units
/// (`compute_seconds`, …) are understood but not summed.
public struct AccountingReport: Sendable, Hashable {
    /// What the amounts count.
    public enum Unit: Sendable, Hashable {
        case usd
        case tokens
        /// Any other unit, lower-cased as sent.
        case other(String)

        /// `USD` and `tokens` compared case-insensitively; anything else kept as sent.
        public init(_ raw: String) {
            switch raw.lowercased() {
            case "usd": self = .usd
            case "tokens", "token": self = .tokens
            default: self = .other(raw.lowercased())
            }
        }
    }

    /// An amount in the report's unit: exact nano-dollars for `USD`, a count for `tokens`.
    public enum Amount: Sendable, Hashable {
        case usd(Money)
        case tokens(Int64)
        case other(Double)
    }

    public var unit: Unit
    /// Reserved before execution.
    public var reserved: Amount?
    /// Measured after execution.
    public var actual: Amount?

    public init(unit: Unit, reserved: Amount? = nil, actual: Amount? = nil) {
        self.unit = unit
        self.reserved = reserved
        self.actual = actual
    }

    /// The actual amount in dollars, when the unit is `USD`.
    public var actualUSD: Money? {
        if case .usd(let money) = actual { return money }
        return nil
    }

    /// The actual amount in tokens, when the unit is `tokens`.
    public var actualTokens: Int64? {
        if case .tokens(let count) = actual { return count }
        return nil
    }
}

/// An SLA outcome reported by one span (`genops.sla.*`). `met` is the span's own `genops.sla.met`,
/// else worked out from its actual and target latency (`actual <= target`).
public struct SLAOutcome: Sendable, Hashable {
    public var tier: String?
    public var met: Bool

    public init(tier: String? = nil, met: Bool) {
        self.tier = tier
        self.met = met
    }
}
