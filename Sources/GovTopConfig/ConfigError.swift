/// A configuration file that cannot be used: where the problem is, and what was expected there.
///
/// `description` is one line, for example
/// `config.yaml:12:5: budgets[1].limit: expected a number of US dollars greater than 0, got "lots"` or
/// `config.yaml:3:1: unknown key "budget"; did you mean "budgets"?`. Problems with the file as a
/// whole (missing, unreadable, too large) have no line: `config.yaml: no such file`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as it was named (or the `source` given to `ConfigLoader.load(yaml:source:)`).
    public var file: String
    /// 1-based line of the offending key or value, when the problem is inside the file.
    public var line: Int?
    /// 1-based column, counted in Unicode scalars.
    public var column: Int?
    /// Where in the document, as `budgets[1].limit`; empty at the top level and for the whole file.
    public var keyPath: String
    public var message: String
    /// The nearest valid key or value, when the one written is close to it.
    public var suggestion: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String = "", message: String, suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if !keyPath.isEmpty { text += keyPath + ": " }
        text += message
        if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
        return text
    }
}
