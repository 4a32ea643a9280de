/// The winning value of each fact among one set of attributes (a span's, an event's or a resource's),
/// found in one pass: each attribute key is looked up once in the alias index.
public struct FactValues: Sendable {
    private var values: [AttributeValue?]
    private var ranks: [Int]

    public init(_ attributes: [Attribute]) {
        values = Array(repeating: nil, count: Fact.allCases.count)
        ranks = Array(repeating: Int.max, count: Fact.allCases.count)
        for attribute in attributes {
            guard let (fact, rank) = SemanticAliases.index[attribute.key] else { continue }
            if case .empty = attribute.value { continue }
            if rank < ranks[fact.rawValue] {
                ranks[fact.rawValue] = rank
                values[fact.rawValue] = attribute.value
            }
        }
    }

    public subscript(fact: Fact) -> AttributeValue? { values[fact.rawValue] }

    /// The fact as non-empty text (numbers and booleans are spelled out).
    public func text(_ fact: Fact) -> String? {
        guard let value = self[fact] else { return nil }
        let text = value.text
        return text.isEmpty ? nil : text
    }

    public func number(_ fact: Fact) -> Double? {
        guard let number = self[fact]?.number, number.isFinite else { return nil }
        return number
    }

    /// A token count: integral and not negative.
    public func count(_ fact: Fact) -> Int64? {
        guard let value = self[fact]?.integer, value >= 0 else { return nil }
        return value
    }

    public func has(any facts: Fact...) -> Bool { facts.contains { self[$0] != nil } }
}
