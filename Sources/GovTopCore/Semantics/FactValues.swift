/// The winning value of each fact among one set of attributes (a span's, an event's or a resource's),
/// found in one pass: each attribute key is looked up once in the alias index.
public struct FactValues: Sendable {
    private struct Slot: Sendable {
        var rank = Int.max
        var value: AttributeValue?
    }

    /// Allocated on the first known key, so attribute sets without any (most events) cost nothing.
    private var slots: [Slot] = []

    public init(_ attributes: [Attribute]) {
        for attribute in attributes {
            guard let (fact, rank) = SemanticAliases.alias(attribute.key) else { continue }
            if case .empty = attribute.value { continue }
            if slots.isEmpty { slots = Array(repeating: Slot(), count: Fact.allCases.count) }
            if rank < slots[fact.rawValue].rank {
                slots[fact.rawValue] = Slot(rank: rank, value: attribute.value)
            }
        }
    }

    public subscript(fact: Fact) -> AttributeValue? { slots.isEmpty ? nil : slots[fact.rawValue].value }

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
