/// Reads filter text into terms, left to right, one pass. Terms are separated by whitespace;
/// a term is a bare word, a quoted phrase, the word `error`, or `key`, an operator and a value,
/// where the value may be quoted (`team="ml platform"`; `\"` and `\\` escape inside quotes).
struct FilterParser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func parse() throws(FilterParseError) -> [FilterTerm] {
        var terms: [FilterTerm] = []
        while true {
            while position < characters.count, characters[position].isWhitespace { position += 1 }
            guard position < characters.count else { return terms }
            terms.append(try parseTerm())
        }
    }

    private mutating func parseTerm() throws(FilterParseError) -> FilterTerm {
        let start = position
        if Self.isQuote(characters[position]) {
            let phrase = try readQuoted(termStart: start)
            try expectTermEnd(termStart: start)
            guard !phrase.isEmpty else { throw error("empty quotes: put the text to find between them", at: start, termStart: start) }
            return .text(phrase.lowercased())
        }
        while position < characters.count, !characters[position].isWhitespace, operatorAt(position) == nil {
            position += 1
        }
        let word = String(characters[start..<position])
        guard let op = operatorAt(position) else {
            return word.lowercased() == "error" ? .hasError : .text(word.lowercased())
        }
        let operatorStart = position
        position += op.rawValue.count
        guard !word.isEmpty else {
            throw error("expected a field name before '\(op.rawValue)', like team\(op.rawValue)…", at: operatorStart, termStart: start)
        }
        let field = FilterField(key: word)
        let valueStart = position
        var value = ""
        var quoted = false
        if position < characters.count, Self.isQuote(characters[position]) {
            value = try readQuoted(termStart: start)
            quoted = true
            try expectTermEnd(termStart: start)
        } else {
            while position < characters.count, !characters[position].isWhitespace { position += 1 }
            value = String(characters[valueStart..<position])
        }
        return .comparison(try comparison(field: field, op: op, value: value, quoted: quoted,
                                          operatorStart: operatorStart, valueStart: valueStart, termStart: start))
    }

    private func comparison(field: FilterField, op: FilterOperator, value: String, quoted: Bool,
                            operatorStart: Int, valueStart: Int, termStart: Int) throws(FilterParseError) -> FilterComparison {
        if field.isNumeric, op.isSubstring {
            throw error("\(field.key) is a number: use \(field.key)>…, \(field.key)<… or \(field.key)=…",
                        at: operatorStart, termStart: termStart)
        }
        if !field.isNumeric, !field.isAttribute, op.isOrdering {
            throw error("\(field.key) is text: use \(field.key)=… or \(field.key)~…", at: operatorStart, termStart: termStart)
        }
        if field.isNumeric || op.isOrdering {
            guard !value.isEmpty else {
                throw error("expected a number after '\(op.rawValue)'", at: valueStart, termStart: termStart)
            }
            switch FilterNumber.parse(value, for: field) {
            case .success(let number):
                return FilterComparison(field: field, op: op, text: value.lowercased(), number: number)
            case .failure(let problem):
                let message = problem.isMissingNumber ? "expected a number after '\(op.rawValue)'" : problem.message
                throw error(message, at: valueStart + (quoted ? 1 : 0) + problem.offset, termStart: termStart)
            }
        }
        if value.isEmpty, !quoted {
            let message = op.isSubstring
                ? "expected text after '\(op.rawValue)'"
                : "expected a value after '\(op.rawValue)' (write \(field.key)\(op.rawValue)\"\" for no value)"
            throw error(message, at: valueStart, termStart: termStart)
        }
        let number = field.isAttribute ? (try? FilterNumber.parse(value, for: field).get()) : nil
        return FilterComparison(field: field, op: op, text: value.lowercased(), number: number)
    }

    /// Reads a quoted string starting at `position` (on the quote) and returns its content.
    private mutating func readQuoted(termStart: Int) throws(FilterParseError) -> String {
        let quoteStart = position
        let quote = characters[position]
        position += 1
        var content = ""
        while position < characters.count {
            let character = characters[position]
            if character == "\\", position + 1 < characters.count {
                content.append(characters[position + 1])
                position += 2
                continue
            }
            position += 1
            if character == quote { return content }
            content.append(character)
        }
        throw FilterParseError(message: "unterminated quote: add a closing \(quote)", position: quoteStart,
                               term: String(characters[termStart...]))
    }

    private func expectTermEnd(termStart: Int) throws(FilterParseError) {
        guard position < characters.count, !characters[position].isWhitespace else { return }
        throw error("expected a space after the closing quote", at: position, termStart: termStart)
    }

    private func operatorAt(_ index: Int) -> FilterOperator? {
        guard index < characters.count else { return nil }
        let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
        switch characters[index] {
        case "=": return .equals
        case "~": return .contains
        case ">": return next == "=" ? .greaterOrEqual : .greater
        case "<": return next == "=" ? .lessOrEqual : .less
        case "!" where next == "=": return .notEquals
        case "!" where next == "~": return .notContains
        default: return nil
        }
    }

    private func error(_ message: String, at position: Int, termStart: Int) -> FilterParseError {
        var end = termStart
        while end < characters.count, !characters[end].isWhitespace { end += 1 }
        return FilterParseError(message: message, position: position, term: String(characters[termStart..<max(end, position)]))
    }

    private static func isQuote(_ character: Character) -> Bool {
        character == "\"" || character == "'"
    }
}
