import Foundation
import GovTopCore

/// Reads `policies:`, the local rules checked on every span.
///
/// A rule has exactly one kind of check: `pattern` (with optional `keys`), `when`, or limits
/// (`max_cost` and/or `max_tokens`). `redact` needs a pattern, since it masks what the pattern
/// matched. Rule names must be unique.
enum PoliciesSection {
    enum Expected {
        static let list = "a list of policy rules"
        static let entry = "a mapping with a name and one of pattern, when, max_cost or max_tokens"
        static let name = "a policy name"
        static let pattern = "a valid regular expression (ICU syntax)"
        static let keys = "a list of attribute keys"
        static let maxCost = "a number of US dollars greater than 0"
        static let maxTokens = "a whole number of tokens of 1 or more"
    }

    /// The kinds of check, by the key that introduces them.
    private enum Kind: String {
        case pattern, when
        case limits = "max_cost/max_tokens"

        init?(key: String) {
            switch key {
            case "pattern": self = .pattern
            case "when": self = .when
            case "max_cost", "max_tokens": self = .limits
            default: return nil
            }
        }
    }

    static func read(_ node: ConfigNode) throws(ConfigError) -> [PolicyRule] {
        var rules: [PolicyRule] = []
        var names: [String: ConfigNode] = [:]
        for element in try node.list(expected: Expected.list) {
            let (rule, nameNode) = try entry(element)
            if let earlier = names[rule.name] {
                throw nameNode.duplicateName("policy", rule.name, earlier: earlier, owner: earlier.elementPath(within: node))
            }
            names[rule.name] = nameNode
            rules.append(rule)
        }
        return rules
    }

    private static func entry(_ node: ConfigNode) throws(ConfigError) -> (PolicyRule, ConfigNode) {
        var name: (text: String, node: ConfigNode)?
        var kind: (kind: Kind, key: String)?
        var pattern: String?
        var keys: (list: [String], entry: MappingEntry)?
        var conditions: [PolicyCondition] = []
        var maxCost: Double?
        var maxTokens: Int64?
        var action: (action: PolicyAction, node: ConfigNode)?
        var severity = AlertSeverity.warning
        for entry in try node.entries(expected: Expected.entry) {
            let value = entry.value
            if let entryKind = Kind(key: entry.key) {
                if let kind, kind.kind != entryKind {
                    throw entry.keyNode.error("a rule checks one thing, but this one has both \(Quoting.quoted(kind.key)) and \(Quoting.quoted(entry.key)); split it into two rules")
                }
                kind = (entryKind, entry.key)
            }
            switch entry.key {
            case "name": name = (try value.text(expected: Expected.name), value)
            case "pattern": pattern = try regularExpression(value)
            case "keys": keys = (try value.strings(expected: Expected.keys), entry)
            case "when": conditions = try PolicyConditionsSection.read(value)
            case "max_cost": maxCost = try value.number(expected: Expected.maxCost) { $0 > 0 }
            case "max_tokens": maxTokens = Int64(try value.integer(expected: Expected.maxTokens, in: 1...Int.max))
            case "action": action = (try value.choice(PolicyAction.self), value)
            case "severity": severity = try value.choice(AlertSeverity.self)
            default: throw entry.unknown(allowed: ConfigKeys.policy)
            }
        }
        guard let name else { throw node.missing("name", expected: Expected.name) }
        guard let kind else { throw node.error("missing a check: expected one of \"pattern\", \"when\", \"max_cost\" or \"max_tokens\"") }
        if let keys, kind.kind != .pattern {
            throw keys.entry.keyNode.error("\"keys\" only goes with \"pattern\", and this rule checks \(Quoting.quoted(kind.key))")
        }
        if let action, action.action == .redact, kind.kind != .pattern {
            throw action.node.error("redact masks what a pattern matched, but this rule checks \(Quoting.quoted(kind.key)); use alert or log, or a pattern")
        }
        let check: PolicyCheck
        switch kind.kind {
        case .pattern: check = .pattern(pattern ?? "", keys: keys?.list)
        case .when: check = .conditions(conditions)
        case .limits: check = .limits(maxCostUSD: maxCost, maxTokens: maxTokens)
        }
        let rule = PolicyRule(name: name.text, check: check, action: action?.action ?? .alert, severity: severity)
        return (rule, name.node)
    }

    private static func regularExpression(_ value: ConfigNode) throws(ConfigError) -> String {
        let pattern = try value.text(expected: Expected.pattern)
        do {
            _ = try NSRegularExpression(pattern: pattern)
        } catch {
            throw value.expected(Expected.pattern)
        }
        return pattern
    }
}
