import Foundation

/// An OTLP `AnyValue`: every form an attribute value can take on the wire.
public enum AttributeValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case bytes([UInt8])
    case array([AttributeValue])
    case kvlist([Attribute])
    /// An `AnyValue` with no value set (legal on the wire, rare in practice).
    case empty

    /// The value as text, for matching and display (arrays and lists in a JSON-like form).
    public var text: String {
        switch self {
        case .string(let value): value
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): Self.format(value)
        case .bytes(let value): Data(value).base64EncodedString()
        case .array(let values): "[" + values.map(\.quotedText).joined(separator: ",") + "]"
        case .kvlist(let attributes): "{" + attributes.map { "\"\($0.key)\":\($0.value.quotedText)" }.joined(separator: ",") + "}"
        case .empty: ""
        }
    }

    /// Rough heap bytes the value holds (its text, bytes or elements), worked out without
    /// rendering it: for memory estimates, which run on every batch.
    var heapBytes: Int {
        switch self {
        case .string(let value): value.utf8.count
        case .bytes(let value): value.count
        case .array(let values): values.reduce(32) { $0 + MemoryLayout<AttributeValue>.stride + $1.heapBytes }
        case .kvlist(let attributes): attributes.reduce(32) { $0 + MemoryLayout<Attribute>.stride + $1.key.utf8.count + $1.value.heapBytes }
        case .bool, .int, .double, .empty: 0
        }
    }

    private var quotedText: String {
        if case .string(let value) = self { return "\"" + value + "\"" }
        return text
    }

    /// A number when the value is numeric or a string that spells a number.
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .string(let value): Double(value)
        default: nil
        }
    }

    /// An integer when the value is integral, or a string or double that holds one exactly.
    public var integer: Int64? {
        switch self {
        case .int(let value): value
        case .double(let value): value.rounded() == value && abs(value) < 9.0e18 ? Int64(value) : nil
        case .string(let value): Int64(value)
        default: nil
        }
    }

    /// A string when the value is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A boolean when the value is one, or a string spelling `true`/`false`.
    public var boolean: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let value): value == "true" ? true : value == "false" ? false : nil
        default: nil
        }
    }

    static func format(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) + ".0" }
        return String(value)
    }
}

/// A key with its value, as in OTLP `KeyValue`.
public struct Attribute: Sendable, Hashable {
    public var key: String
    public var value: AttributeValue

    public init(_ key: String, _ value: AttributeValue) {
        self.key = key
        self.value = value
    }
}

extension Array where Element == Attribute {
    /// The value of the first attribute with this key.
    public subscript(key key: String) -> AttributeValue? {
        first { $0.key == key }?.value
    }
}
