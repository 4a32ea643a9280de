/// What one span adds to the ledger. The same value is subtracted from one group and added to
/// another when the span's attribution changes, so moves never change totals.
public struct Contribution: Sendable, Hashable {
    public var requests = 0
    public var inputTokens: Int64 = 0
    public var outputTokens: Int64 = 0
    public var cachedInputTokens: Int64 = 0
    public var reasoningTokens: Int64 = 0
    public var cost: SpanCost = .none
    public var errors = 0
    public var policyViolations = 0
    public var evalFailures = 0
    /// GenOps reserved/actual amounts and SLA outcome.
    public var accounting = AccountingTotals()

    public init() {}

    public var isEmpty: Bool { self == Contribution() }
}
