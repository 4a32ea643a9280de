import GovTopCore

/// Attribute values as natural JSON: strings, numbers, booleans, arrays and objects;
/// bytes as base64 and an empty `AnyValue` as `null`.
enum AttributeJSON {
    /// Key-value lists become objects; a repeated key keeps its first value, as lookups do.
    static func object(_ attributes: [Attribute]) -> JSONValue {
        var seen = Set<String>()
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(attributes.count)
        for attribute in attributes where seen.insert(attribute.key).inserted {
            members.append((attribute.key, value(attribute.value)))
        }
        return .object(members)
    }

    static func value(_ value: AttributeValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .bytes(let bytes): .string(Base64.encode(bytes))
        case .array(let values): .array(values.map(Self.value))
        case .kvlist(let attributes): object(attributes)
        case .empty: .null
        }
    }
}
