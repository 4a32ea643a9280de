import Yams

/// Turns the YAML parser's errors into `ConfigError`s with the line and column of the problem.
enum YAMLErrorMessage {
    static func configError(_ error: YamlError, file: String, yaml: String) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _):
            var error = syntaxError(problem, context: context, at: mark, file: file)
            if character(at: mark, in: yaml) == "\t" {
                error.message += "; YAML is indented with spaces, not tabs"
            }
            return error
        case .parser(let context, let problem, let mark, _):
            return syntaxError(problem, context: context, at: mark, file: file)
        case .composer(let context, let problem, let mark, _):
            return syntaxError(problem, context: context, at: mark, file: file)
        case .reader(let problem, let offset, _, _):
            let at = offset.flatMap { position(ofUTF8Offset: $0, in: yaml) }
            return ConfigError(file: file, line: at?.line, column: at?.column, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map(Quoting.quoted).joined(separator: ", ")
            let noun = duplicates.count == 1 ? "key \(keys) appears" : "keys \(keys) appear"
            return ConfigError(file: file, line: context.mark.line, column: context.mark.column,
                               message: "the \(noun) more than once in this mapping; keep one")
        default:
            return ConfigError(file: file, message: "is not valid YAML: \(error)")
        }
    }

    private static func syntaxError(_ problem: String, context: YamlError.Context?, at mark: Mark, file: String) -> ConfigError {
        var message = "invalid YAML: \(problem)"
        if let context {
            message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        return ConfigError(file: file, line: mark.line, column: mark.column, message: message)
    }

    /// The character at a 1-based line and column (in Unicode scalars).
    static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        guard mark.line >= 1, mark.column >= 1 else { return nil }
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if line == mark.line, column == mark.column { return scalar }
            if scalar == "\n" {
                if line == mark.line { return nil }
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// 1-based line and column (in Unicode scalars) of a UTF-8 byte offset; nil when out of range.
    static func position(ofUTF8Offset offset: Int, in text: String) -> (line: Int, column: Int)? {
        let utf8 = text.utf8
        guard offset >= 0, offset <= utf8.count else { return nil }
        var line = 1
        var column = 1
        for byte in utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
