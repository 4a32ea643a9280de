import GovTopCore

extension FilterTerm {
    func matches(_ subject: FilterSubject) -> Bool {
        switch self {
        case .hasError:
            return subject.hasError
        case .text(let needle):
            return Self.contains(subject.rootName, needle) || Self.contains(subject.service, needle)
                || subject.attribution.team.map { Self.contains($0, needle) } == true
                || subject.models.contains { Self.contains($0, needle) }
                || Self.contains(subject.traceID, needle)
        case .comparison(let comparison):
            return comparison.matches(subject)
        }
    }

    /// Whether `needle` (already lowercased) occurs in `haystack`, ignoring case; the empty
    /// needle occurs in every text.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        needle.isEmpty || haystack.lowercased().contains(needle)
    }
}

extension FilterComparison {
    func matches(_ subject: FilterSubject) -> Bool {
        if let value = subject.number(of: field) {
            guard let number else { return false }
            return op.holds(value, number)
        }
        if case .attribute(let key) = field {
            guard let lookup = subject.attributeValues else { return false }
            return matches(attributeValues: Self.flattened(lookup(key)))
        }
        return matches(texts: subject.values(of: field))
    }

    /// Text fields: `=`/`~` hold when any value does, `!=`/`!~` when none does; `=""` holds when
    /// there is no value (or only empty ones).
    private func matches(texts: [String]) -> Bool {
        switch op {
        case .equals: equals(texts)
        case .notEquals: !equals(texts)
        case .contains: texts.contains { FilterTerm.contains($0, text) }
        case .notContains: !texts.contains { FilterTerm.contains($0, text) }
        default: false
        }
    }

    private func equals(_ texts: [String]) -> Bool {
        if text.isEmpty { return texts.allSatisfy(\.isEmpty) }
        return texts.contains { $0.lowercased() == text }
    }

    /// Attributes: like text fields, except that `=` also holds for an equal number (`1` = `1.0`)
    /// and the orderings compare the values that are numbers.
    private func matches(attributeValues values: [AttributeValue]) -> Bool {
        switch op {
        case .equals: attributeEquals(values)
        case .notEquals: !attributeEquals(values)
        case .contains, .notContains: matches(texts: values.map(\.text))
        case .greater, .greaterOrEqual, .less, .lessOrEqual:
            number.map { bound in values.contains { $0.number.map { op.holds($0, bound) } ?? false } } ?? false
        }
    }

    private func attributeEquals(_ values: [AttributeValue]) -> Bool {
        if equals(values.map(\.text)) { return true }
        guard let number else { return false }
        return values.contains { $0.number == number }
    }

    /// Array values count element by element; nested arrays are walked without recursion.
    private static func flattened(_ values: [AttributeValue]) -> [AttributeValue] {
        var result: [AttributeValue] = []
        var pending = Array(values.reversed())
        while let value = pending.popLast() {
            if case .array(let elements) = value {
                pending.append(contentsOf: elements.reversed())
            } else {
                result.append(value)
            }
        }
        return result
    }
}
