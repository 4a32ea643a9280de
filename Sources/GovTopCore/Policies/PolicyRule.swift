/// A local policy rule from govtop's configuration, evaluated on every incoming span.
public struct PolicyRule: Sendable {
    public var name: String
    public var check: PolicyCheck
    public var action: PolicyAction
    public var severity: AlertSeverity

    public init(name: String, check: PolicyCheck, action: PolicyAction = .alert, severity: AlertSeverity = .warning) {
        self.name = name
        self.check = check
        self.action = action
        self.severity = severity
    }
}

/// What a rule looks for.
public enum PolicyCheck: Sendable {
    /// A regular expression over string attribute values (span, events, links, resource not
    /// included), optionally only those under the given keys.
    case pattern(String, keys: [String]?)
    /// Every condition holds (e.g. model is `gpt-4` and environment is `dev`).
    case conditions([PolicyCondition])
    /// Per-request limits; whichever is set and exceeded is a violation.
    case limits(maxCostUSD: Double?, maxTokens: Int64?)
}

/// One condition of a rule: a fact or attribute compared with values.
public struct PolicyCondition: Sendable, Hashable {
    /// A dimension name (`team`, `model`, `environment`, ...) or any attribute key.
    public var key: String
    /// The condition holds when the value is one of these (exact match); with `negated`, when it is none of them.
    public var values: [String]
    public var negated: Bool

    public init(key: String, values: [String], negated: Bool = false) {
        self.key = key
        self.values = values
        self.negated = negated
    }
}

/// What happens when a local rule matches.
public enum PolicyAction: String, CaseIterable, Sendable, Hashable {
    /// Count it and raise an alert.
    case alert
    /// Count it only.
    case log
    /// Mask the matched text before the span is stored, and count it.
    case redact
}
