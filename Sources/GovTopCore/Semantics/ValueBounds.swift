/// The ranges numbers from telemetry must fall in to be counted. A value outside its range
/// (negative, NaN, ±infinity, or beyond the bound) is not counted: the span is kept and the
/// attribute key is reported as an invalid value (`/api/v1/summary` `invalid_values`, and the
/// span's `invalid_values` in trace detail).
///
/// The bounds are far above anything real and low enough that no sum of them can overflow
/// (`Money` is 128-bit) or lose its meaning.
public enum ValueBounds {
    /// Cost of one span (reported total, input or output cost): at most $1,000,000.
    public static let maxSpanCostUSD = 1_000_000.0
    /// A budget's limit, consumed or remaining amount (telemetry or configuration): at most
    /// $1,000,000,000,000.
    public static let maxBudgetUSD = 1_000_000_000_000.0
    /// Tokens of one kind in one span: at most 10⁹ (a thousand times the longest context window; the
    /// store keeps counts in 32 bits, so every valid count is kept exactly).
    public static let maxTokens: Int64 = 1_000_000_000
    /// An evaluation score or threshold: 0 to 1,000,000 (scores are 0-1, 0-10 or 0-100 in practice).
    public static let evaluationRange: ClosedRange<Double> = 0...1_000_000
    /// A budget alert threshold: a fraction of the limit, 0 to 1.
    public static let budgetThresholdRange: ClosedRange<Double> = 0...1
    /// A value that names a group (service, team, project, customer, environment, cost center,
    /// feature, user, provider, model, operation), in UTF-8 bytes: as long as the decision endpoint
    /// takes. Groups are capped in number and kept for the life of the process (and in the ledger),
    /// so without this a sender could pin a megabyte in each of thousands of group keys.
    public static let maxGroupValueBytes = DecisionSettings.maxValueBytes

    /// True when `text` is short enough to name a group (`maxGroupValueBytes`).
    public static func namesGroup(_ text: String) -> Bool {
        text.utf8.count <= maxGroupValueBytes
    }
}
