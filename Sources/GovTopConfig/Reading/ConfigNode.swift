import Yams

/// One node of a configuration document, with its key path, for reading typed values whose errors
/// name the file, line, column and key.
///
/// Scalars are read by their text, whatever their YAML style: `limit: "12.5"` is the number 12.5,
/// and `team: 42` is the team named `42`. An empty value (`key:`, `~`, `null`) is accepted only
/// where a list or section is expected, where it reads as empty.
struct ConfigNode {
    let node: Node
    let path: String
    let document: DocumentContext

    var file: String { document.file }

    var mark: Mark? { node.mark }

    func error(_ message: String, suggestion: String? = nil) -> ConfigError {
        ConfigError(file: file, line: mark?.line, column: mark?.column, keyPath: path, message: message, suggestion: suggestion)
    }

    /// `expected <what>, got <the value as written>`.
    func expected(_ what: String, suggestion: String? = nil) -> ConfigError {
        error("expected \(what), got \(shown)", suggestion: suggestion)
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The value as a message shows it: plain numbers bare, other scalars quoted, collections by kind.
    var shown: String {
        switch node {
        case .scalar(let scalar):
            if isNull { return "an empty value" }
            if scalar.style == .plain || scalar.style == .any, NumberText.number(scalar.string) != nil { return scalar.string }
            return Quoting.quoted(scalar.string)
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// `missing key "limit": expected <what>`, at this mapping.
    func missing(_ key: String, expected what: String) -> ConfigError {
        error("missing key \(Quoting.quoted(key)): expected \(what)")
    }

    /// `the <kind> name "x" is already used by budgets[0] (line 3); <kind> names must be unique`.
    func duplicateName(_ kind: String, _ name: String, detail: String = "", earlier: ConfigNode, owner: String) -> ConfigError {
        let line = earlier.mark.map { " (line \($0.line))" } ?? ""
        return error("the \(kind) name \(Quoting.quoted(name))\(detail) is already used by \(owner)\(line); \(kind) names must be unique")
    }

    /// The path of the element of `list` this node is or is inside: `budgets[0]` for `budgets[0].name`.
    func elementPath(within list: ConfigNode) -> String {
        let prefix = list.path + "["
        guard path.hasPrefix(prefix), let close = path.dropFirst(prefix.count).firstIndex(of: "]") else { return path }
        return String(path[...close])
    }

    /// The text of a scalar that is not empty.
    func text(expected what: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node, !isNull,
              !scalar.string.allSatisfy({ $0.isWhitespace }) else { throw expected(what) }
        return scalar.string
    }

    func number(expected what: String, where isValid: (Double) -> Bool) throws(ConfigError) -> Double {
        guard case .scalar(let scalar) = node, !isNull,
              let value = NumberText.number(scalar.string), isValid(value) else { throw expected(what) }
        return value
    }

    func integer(expected what: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case .scalar(let scalar) = node, !isNull,
              let value = NumberText.integer(scalar.string), range.contains(value) else { throw expected(what) }
        return value
    }

    /// One of an enumeration's raw values, exactly as spelt; a near miss is suggested.
    func choice<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws(ConfigError) -> Value where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue)
        let what = "one of " + names.joined(separator: ", ")
        guard case .scalar(let scalar) = node, !isNull else { throw expected(what) }
        if let value = Value(rawValue: scalar.string) { return value }
        throw expected(what, suggestion: KeySuggestion.nearest(to: scalar.string, among: names))
    }

    /// The elements of a list, each with its index in the path; an empty value is an empty list.
    func list(expected what: String) throws(ConfigError) -> [ConfigNode] {
        if isNull { return [] }
        guard case .sequence(let sequence) = node else { throw expected(what) }
        try document.spend(sequence.count, at: self)
        return sequence.enumerated().map { index, element in
            ConfigNode(node: element, path: KeyPath.element(index, of: path), document: document)
        }
    }

    /// A list of non-empty strings; a single string is accepted as a list of one when `allowSingle`.
    func strings(expected what: String, allowSingle: Bool = false) throws(ConfigError) -> [String] {
        if allowSingle, case .scalar = node, !isNull {
            return [try text(expected: what)]
        }
        guard case .sequence = node else { throw expected(what) }
        var values: [String] = []
        for element in try list(expected: what) {
            values.append(try element.text(expected: what))
        }
        guard !values.isEmpty else { throw expected(what) }
        return values
    }

    /// The pairs of a mapping in document order, each value with its key in the path; an empty
    /// value is a mapping without pairs.
    func entries(expected what: String) throws(ConfigError) -> [MappingEntry] {
        if isNull { return [] }
        guard case .mapping(let mapping) = node else { throw expected(what) }
        try document.spend(mapping.count, at: self)
        var entries: [MappingEntry] = []
        for (keyNode, valueNode) in mapping {
            let keyAt = ConfigNode(node: keyNode, path: path, document: document)
            guard case .scalar(let scalar) = keyNode, !keyAt.isNull else {
                throw keyAt.error("expected a key name, got \(keyAt.shown) as a key")
            }
            let value = ConfigNode(node: valueNode, path: KeyPath.member(scalar.string, of: path), document: document)
            entries.append(MappingEntry(key: scalar.string, keyNode: keyAt, value: value))
        }
        return entries
    }
}

/// A key and its value in a mapping. `keyNode` points at the key and carries the mapping's path.
struct MappingEntry {
    let key: String
    let keyNode: ConfigNode
    let value: ConfigNode

    /// `unknown key "budget"; did you mean "budgets"?`, or the list of valid keys when none is close.
    func unknown(allowed: [String]) -> ConfigError {
        if let suggestion = KeySuggestion.nearest(to: key, among: allowed) {
            return keyNode.error("unknown key \(Quoting.quoted(key))", suggestion: suggestion)
        }
        if allowed.count == 1 {
            return keyNode.error("unknown key \(Quoting.quoted(key)); the only valid key here is \(Quoting.quoted(allowed[0]))")
        }
        return keyNode.error("unknown key \(Quoting.quoted(key)); valid keys here are \(allowed.joined(separator: ", "))")
    }
}

/// What all nodes of one document share: the file name, and how many more values may be read.
///
/// Aliases let a small file name the same list many times over (`*a` in a list of `*b`, ...);
/// counting every value read keeps the work bounded whatever the document does.
final class DocumentContext {
    static let maximumValues = 100_000

    let file: String
    private var remainingValues = DocumentContext.maximumValues

    init(file: String) {
        self.file = file
    }

    func spend(_ count: Int, at node: ConfigNode) throws(ConfigError) {
        remainingValues -= count
        guard remainingValues >= 0 else {
            throw node.error("the document holds more than \(Self.maximumValues) values (counting each use of an alias); make it smaller")
        }
    }
}
