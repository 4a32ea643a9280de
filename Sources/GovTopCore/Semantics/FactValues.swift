/// The winning value of each fact among one set of attributes (a span's, an event's or a resource's),
/// found in one pass: each attribute key is looked up once in the alias index.
public struct FactValues: Sendable {
    /// Room for every `Fact` (a test checks that it is enough).
    static let capacity = SIMD64<Int32>.scalarCount

    /// The attribute set the values are read from (shared, not copied).
    private let attributes: [Attribute]
    /// Per fact, the position in `attributes` of its winning value (-1: none). A fixed inline table
    /// of integers: reading a set of attributes allocates nothing and copies no value. A vector
    /// rather than an `InlineArray`: reading one element of an inline array held by a borrowed
    /// value copied all of it first (a `memmove` per fact read, seen under the normalizer), where
    /// a vector element is one load.
    private let positions: SIMD64<Int32>

    public init(_ attributes: [Attribute]) {
        self.attributes = attributes
        // Filled through pointers: setting one element of a vector (or an inline array) held in a
        // variable copied all 256 bytes of it twice, for every attribute that names a fact.
        var positions = SIMD64<Int32>(repeating: -1)
        var ranks = SIMD64<Int32>(repeating: .max)
        let aliasByEntry = SemanticAliases.aliasByEntry // read once, not once per attribute
        withUnsafeMutableBytes(of: &positions) { positionBytes in
            withUnsafeMutableBytes(of: &ranks) { rankBytes in
                let positions = positionBytes.assumingMemoryBound(to: Int32.self)
                let ranks = rankBytes.assumingMemoryBound(to: Int32.self)
                WellKnownKeys.shared.forEachKey(of: attributes) { position, entry in
                    let alias = if let entry { aliasByEntry[entry] } else { SemanticAliases.alias(spelled: attributes[position].key) }
                    guard let (fact, rank) = alias else { return true }
                    if case .empty = attributes[position].value { return true }
                    precondition(fact.rawValue < FactValues.capacity) // unchecked pointers here
                    if rank < ranks[fact.rawValue] {
                        ranks[fact.rawValue] = Int32(rank)
                        positions[fact.rawValue] = Int32(position)
                    }
                    return true
                }
            }
        }
        self.positions = positions
    }

    @inline(__always)
    private func position(_ fact: Fact) -> Int32 { positions[fact.rawValue] }

    @inline(__always)
    public subscript(fact: Fact) -> AttributeValue? {
        let position = position(fact)
        return position < 0 ? nil : attributes[Int(position)].value
    }

    /// The fact as non-empty text (numbers and booleans are spelled out).
    @inline(__always)
    public func text(_ fact: Fact) -> String? {
        guard let value = self[fact] else { return nil }
        let text = value.text
        return text.isEmpty ? nil : text
    }

    /// The attribute key the fact's value came from.
    @inline(__always)
    public func key(_ fact: Fact) -> String? {
        let position = position(fact)
        return position < 0 ? nil : attributes[Int(position)].key
    }

    /// A number in `range`; a value that is not a number, not finite, or out of range is invalid.
    @inline(__always)
    public func number(_ fact: Fact, in range: ClosedRange<Double>) -> Checked<Double> {
        guard let value = self[fact] else { return .absent }
        guard let number = value.number, number.isFinite, range.contains(number) else { return invalid(fact) }
        return .valid(number)
    }

    /// An amount of US dollars of at most `limit`, exact in nano-dollars (see `Money.init?(usd:limit:)`).
    @inline(__always)
    public func amount(_ fact: Fact, limit: Double) -> Checked<Money> {
        guard let value = self[fact] else { return .absent }
        guard let number = value.number, let amount = Money(usd: number, limit: limit) else { return invalid(fact) }
        return .valid(amount)
    }

    /// A token count: integral, not negative and at most `ValueBounds.maxTokens`.
    @inline(__always)
    public func count(_ fact: Fact) -> Checked<Int64> {
        guard let value = self[fact] else { return .absent }
        guard let count = value.integer, count >= 0, count <= ValueBounds.maxTokens else { return invalid(fact) }
        return .valid(count)
    }

    private func invalid<Value>(_ fact: Fact) -> Checked<Value> {
        .invalid(key: key(fact) ?? "\(fact)")
    }

    /// Whether the fact has a value here (without reading it).
    @inline(__always)
    func has(_ fact: Fact) -> Bool { position(fact) >= 0 }
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
