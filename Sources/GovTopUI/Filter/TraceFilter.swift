import GovTopCore

/// The Traces panel's filter: terms parsed from what the user typed after `/`. A trace matches
/// when it matches every term; an empty filter matches everything.
///
/// Syntax, terms separated by spaces: bare words (free text over root name, service, team,
/// model and trace id), `"quoted phrases"`, `error`, and `key OP value` with OP one of
/// `= != ~ !~ > >= < <=`. Keys: team, project, customer, env, feature, cost_center, user, model,
/// provider, service (text), cost (USD), duration (ms, or with a unit), tokens; any other key is a
/// span attribute. Values may be quoted: `team="ml platform"`; `team=""` means "no team".
public struct TraceFilter: Hashable, Sendable {
    /// The text the filter was parsed from, as typed.
    public let text: String
    public let terms: [FilterTerm]

    public init(parsing text: String) throws(FilterParseError) {
        var parser = FilterParser(text)
        self.text = text
        self.terms = try parser.parse()
    }

    private init(text: String, terms: [FilterTerm]) {
        self.text = text
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Whether some term compares span attributes, so matching needs more than the trace summary.
    public var needsAttributes: Bool { terms.contains(where: \.needsAttributes) }

    /// This filter without its attribute terms: what can be checked on summaries alone, e.g. to
    /// pick the candidates worth loading spans for.
    public var summaryOnly: TraceFilter {
        TraceFilter(text: text, terms: terms.filter { !$0.needsAttributes })
    }

    public func matches(_ subject: FilterSubject) -> Bool {
        terms.allSatisfy { $0.matches(subject) }
    }

    /// Matches a summary; attribute terms never match here (see `needsAttributes`).
    public func matches(_ summary: TraceSummary) -> Bool {
        matches(FilterSubject(summary))
    }

    /// The filter text that selects the traces of one group of the Teams panel, e.g.
    /// `team="ml platform"`, or `team=""` for the unattributed group. Nil for the group that
    /// collects values beyond the cardinality cap, which no filter can name.
    public static func text(selecting group: String, of dimension: Dimension) -> String? {
        guard group != Dimension.other else { return nil }
        let value = group == Dimension.unattributed ? "" : group
        return FilterField(dimension).key + "=" + quoted(value)
    }

    /// The value as a filter reads it back verbatim: bare when that is safe, quoted otherwise.
    public static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { character in
            character.isWhitespace || "\"'\\=~<>!".contains(character)
        }
        guard needsQuotes else { return value }
        var result = "\""
        for character in value {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
