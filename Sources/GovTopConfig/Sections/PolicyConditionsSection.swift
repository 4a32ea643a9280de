import GovTopCore

/// Reads a rule's `when:`, a mapping from a dimension name or attribute key to the values it must
/// have: `model: gpt-4`, `environment: [dev, test]`, or negated, `environment: {not: prod}`.
enum PolicyConditionsSection {
    enum Expected {
        static let section = "a mapping of conditions such as {model: gpt-4, environment: [dev, test]}"
        static let condition = "a value, a list of values, or {not: a value or a list of values}"
        static let negated = "a value or a list of values"
    }

    static func read(_ node: ConfigNode) throws(ConfigError) -> [PolicyCondition] {
        let entries = try node.entries(expected: Expected.section)
        guard !entries.isEmpty else { throw node.expected(Expected.section) }
        var conditions: [PolicyCondition] = []
        for entry in entries {
            conditions.append(try condition(entry))
        }
        return conditions
    }

    private static func condition(_ entry: MappingEntry) throws(ConfigError) -> PolicyCondition {
        let value = entry.value
        guard !entry.key.allSatisfy({ $0.isWhitespace }) else { throw entry.keyNode.error("a condition key is empty") }
        guard case .mapping = value.node else {
            return PolicyCondition(key: entry.key, values: try value.strings(expected: Expected.condition, allowSingle: true))
        }
        var values: [String]?
        for inner in try value.entries(expected: Expected.condition) {
            guard inner.key == "not" else { throw inner.unknown(allowed: ConfigKeys.negatedCondition) }
            values = try inner.value.strings(expected: Expected.negated, allowSingle: true)
        }
        guard let values else { throw value.missing("not", expected: Expected.negated) }
        return PolicyCondition(key: entry.key, values: values, negated: true)
    }
}
