/// What the local rules found in one span.
public struct PolicyEvaluation: Sendable, Hashable {
    /// Pattern-rule violations first, then condition and limit violations, each in configuration order.
    public var violations: [LocalViolation]
    /// The span with every match of a redact rule masked; nil when no redact rule matched. When set,
    /// this is the span to store, index and show, and facts derived from the original span's
    /// attributes must be derived again from this one.
    public var redactedSpan: SpanRecord?

    public init(violations: [LocalViolation] = [], redactedSpan: SpanRecord? = nil) {
        self.violations = violations
        self.redactedSpan = redactedSpan
    }

    public static let clean = PolicyEvaluation()

    public var isClean: Bool { violations.isEmpty && redactedSpan == nil }
}
