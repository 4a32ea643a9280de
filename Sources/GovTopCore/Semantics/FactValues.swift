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

    /// The attribute key the fact's value came from.
    public func key(_ fact: Fact) -> String? {
        guard !slots.isEmpty, slots[fact.rawValue].value != nil else { return nil }
        return SemanticAliases.keys(of: fact)[slots[fact.rawValue].rank]
    }

    /// A number in `range`; a value that is not a number, not finite, or out of range is invalid.
    public func number(_ fact: Fact, in range: ClosedRange<Double>) -> Checked<Double> {
        guard let value = self[fact] else { return .absent }
        guard let number = value.number, number.isFinite, range.contains(number) else { return invalid(fact) }
        return .valid(number)
    }

    /// An amount of US dollars of at most `limit`, exact in nano-dollars (see `Money.init?(usd:limit:)`).
    public func amount(_ fact: Fact, limit: Double) -> Checked<Money> {
        guard let value = self[fact] else { return .absent }
        guard let number = value.number, let amount = Money(usd: number, limit: limit) else { return invalid(fact) }
        return .valid(amount)
    }

    /// A token count: integral, not negative and at most `ValueBounds.maxTokens`.
    public func count(_ fact: Fact) -> Checked<Int64> {
        guard let value = self[fact] else { return .absent }
        guard let count = value.integer, count >= 0, count <= ValueBounds.maxTokens else { return invalid(fact) }
        return .valid(count)
    }

    private func invalid<Value>(_ fact: Fact) -> Checked<Value> {
        .invalid(key: key(fact) ?? "\(fact)")
    }

    public func has(any facts: Fact...) -> Bool { facts.contains { self[$0] != nil } }
}

/// A fact's value read at the door: absent, valid, or present but rejected (and then not counted).
public enum Checked<Value> {
    case absent
    case valid(Value)
    /// The value under `key` was not a number, not finite, negative or beyond its bound.
    case invalid(key: String)

    public var value: Value? {
        if case .valid(let value) = self { return value }
        return nil
    }
}

extension Checked: Sendable where Value: Sendable {}
