/// One term of a trace filter. A trace matches a filter when it matches every term.
public enum FilterTerm: Hashable, Sendable {
    /// A bare word or quoted phrase: found (ignoring case) in the root span's name, the service,
    /// the team, a model or the trace id. Stored lowercased.
    case text(String)
    /// The word `error`: the trace has a span with error status.
    case hasError
    case comparison(FilterComparison)

    /// Whether matching this term needs the trace's span attributes, not just its summary.
    public var needsAttributes: Bool {
        if case .comparison(let comparison) = self { return comparison.field.isAttribute }
        return false
    }
}

/// `key=value`, `key~text`, `key>number` and their relatives.
public struct FilterComparison: Hashable, Sendable {
    public var field: FilterField
    public var op: FilterOperator
    /// The value as written, lowercased: what text comparisons use.
    public var text: String
    /// The value as a number (cost in USD, duration in ms, a token count), when it is one; always
    /// set for numeric fields and for `>`/`<`.
    public var number: Double?

    public init(field: FilterField, op: FilterOperator, text: String, number: Double? = nil) {
        self.field = field
        self.op = op
        self.text = text
        self.number = number
    }
}
