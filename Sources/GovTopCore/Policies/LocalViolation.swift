/// A span that broke one local policy rule. One per rule and span, however often the rule matched.
///
/// Violations never carry a value a redact rule masked: pattern findings name where the pattern
/// matched, and carry matched text only for rules that do not redact and only when nothing in the
/// span was redacted; condition findings name keys, not values.
public struct LocalViolation: Sendable, Hashable {
    public var rule: String
    public var action: PolicyAction
    public var severity: AlertSeverity
    public var finding: Finding

    public init(rule: String, action: PolicyAction, severity: AlertSeverity, finding: Finding) {
        self.rule = rule
        self.action = action
        self.severity = severity
        self.finding = finding
    }

    /// What broke the rule.
    public enum Finding: Sendable, Hashable {
        /// The pattern matched at these places (the first `PolicyEvaluator.maxReportedSites`);
        /// `sample` is the first matched text, cut to `PolicyEvaluator.maxSampleLength` characters.
        case pattern(sites: [PolicyMatchSite], sample: String?)
        /// Every condition of the rule held; these are their keys.
        case conditions(keys: [String])
        /// A per-request limit was exceeded; the fields of a limit that was not exceeded are nil.
        case limits(costUSD: Double?, maxCostUSD: Double?, tokens: Int64?, maxTokens: Int64?)
    }

    /// The result this violation is counted under: `redacted`, `alerted` or `logged`.
    public var result: String {
        switch action {
        case .redact: "redacted"
        case .alert: "alerted"
        case .log: "logged"
        }
    }

    /// The violation type it is counted under: `pattern_match`, `condition_match`, `cost_limit`,
    /// `token_limit` or `cost_and_token_limit`.
    public var violationType: String {
        switch finding {
        case .pattern: "pattern_match"
        case .conditions: "condition_match"
        case .limits(let cost, _, let tokens, _):
            switch (cost != nil, tokens != nil) {
            case (true, true): "cost_and_token_limit"
            case (true, false): "cost_limit"
            default: "token_limit"
            }
        }
    }
}

/// Where in a span a pattern matched. Events and links are named by position, since their names may
/// be what was masked.
public enum PolicyMatchSite: Sendable, Hashable, CustomStringConvertible {
    case spanName
    case statusMessage
    /// A span attribute; for arrays and key-value lists, the top-level key.
    case attribute(key: String)
    case eventName(index: Int)
    case eventAttribute(index: Int, key: String)
    case linkAttribute(index: Int, key: String)

    public var description: String {
        switch self {
        case .spanName: "name"
        case .statusMessage: "status.message"
        case .attribute(let key): "attributes[\(key)]"
        case .eventName(let index): "events[\(index)].name"
        case .eventAttribute(let index, let key): "events[\(index)].attributes[\(key)]"
        case .linkAttribute(let index, let key): "links[\(index)].attributes[\(key)]"
        }
    }
}
