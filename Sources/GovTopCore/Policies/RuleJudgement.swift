/// What the condition and limit rules found in a span before its effective attribution was known.
struct RuleJudgement {
    /// Violations decided from the span alone, in configuration order.
    var violations: [LocalViolation] = []
    /// Rules (by position among the condition and limit rules) whose conditions on the span itself
    /// held and whose attribution conditions wait for the span's effective attribution.
    var pending: [Int] = []
}
