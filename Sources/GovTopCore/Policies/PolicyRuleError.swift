/// A policy rule that cannot be used as configured, named so the user can find and fix it.
public struct PolicyRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule's name (empty when the name itself is missing).
    public var rule: String
    public var message: String

    public init(rule: String, message: String) {
        self.rule = rule
        self.message = message
    }

    public var description: String {
        rule.isEmpty ? "policy rule: \(message)" : "policy rule '\(rule)': \(message)"
    }
}
