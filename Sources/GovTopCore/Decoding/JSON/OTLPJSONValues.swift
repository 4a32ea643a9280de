/// Decodes OTLP `KeyValue` lists and `AnyValue`s from OTLP/JSON into `Attribute`s.
///
/// `AnyValue` depth counts from 1 for an attribute's own value; each `arrayValue` or
/// `kvlistValue` level adds one. A value deeper than `limits.maxValueDepth` fails the payload.
/// The recursion is bounded by that limit (and by the reader's nesting bound).
enum OTLPJSONValues {
    private enum KeyValueField: Sendable { case key, value }
    private static let keyValueTable = JSONFieldTable<KeyValueField>(["key": .key, "value": .value])

    private enum AnyValueField: Sendable {
        case string, bool, int, double, bytes, array, kvlist
    }
    private static let anyValueTable = JSONFieldTable<AnyValueField>([
        "stringValue": .string, "boolValue": .bool, "intValue": .int, "doubleValue": .double,
        "bytesValue": .bytes, "arrayValue": .array, "kvlistValue": .kvlist,
    ])

    private enum ValuesField: Sendable { case values }
    private static let valuesTable = JSONFieldTable<ValuesField>(["values": .values])

    /// A repeated `KeyValue` field such as `attributes`.
    static func attributes(_ reader: inout JSONReader, field: String, of message: String,
                           limits: DecodeLimits, depth: Int = 1) throws(OTLPDecodeError) -> [Attribute] {
        var attributes: [Attribute] = []
        try reader.readArray(field, of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
            attributes.append(try keyValue(&reader, limits: limits, depth: depth))
        }
        return attributes
    }

    private static func keyValue(_ reader: inout JSONReader, limits: DecodeLimits, depth: Int) throws(OTLPDecodeError) -> Attribute {
        var attribute = Attribute("", .empty)
        try reader.readObject("KeyValue", table: keyValueTable) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .key: attribute.key = try reader.readStringField("key", of: "KeyValue")
            case .value: attribute.value = try anyValue(&reader, limits: limits, depth: depth)
            }
        }
        return attribute
    }

    static func anyValue(_ reader: inout JSONReader, limits: DecodeLimits, depth: Int) throws(OTLPDecodeError) -> AttributeValue {
        guard depth <= limits.maxValueDepth else {
            throw reader.error("AnyValue nested deeper than \(limits.maxValueDepth) levels")
        }
        var value = AttributeValue.empty
        var valueStart: Int?
        try reader.readObject("AnyValue", table: anyValueTable) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            reader.skipWhitespace()
            if let valueStart {
                throw reader.error("AnyValue has more than one value (the first one is at \(JSONPosition.describe(reader.bytes, offset: valueStart)))")
            }
            valueStart = reader.offset
            switch field {
            case .string: value = .string(try reader.readStringField("stringValue", of: "AnyValue"))
            case .bool: value = .bool(try reader.readBoolField("boolValue", of: "AnyValue"))
            case .int: value = .int(try reader.readInt64Field("intValue", of: "AnyValue"))
            case .double: value = .double(try reader.readDoubleField("doubleValue", of: "AnyValue"))
            case .bytes: value = .bytes(try reader.readBytesField("bytesValue", of: "AnyValue"))
            case .array: value = .array(try arrayValue(&reader, limits: limits, depth: depth + 1))
            case .kvlist: value = .kvlist(try kvlistValue(&reader, limits: limits, depth: depth + 1))
            }
        }
        return value
    }

    private static func arrayValue(_ reader: inout JSONReader, limits: DecodeLimits, depth: Int) throws(OTLPDecodeError) -> [AttributeValue] {
        var values: [AttributeValue] = []
        try reader.readObject("ArrayValue", table: valuesTable) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            let kind = try reader.peekKind()
            guard kind == .array else { throw reader.wrongType("values", of: "ArrayValue", want: "an array", found: kind) }
            try reader.beginArray()
            while try reader.nextElement() {
                // A null element keeps its place in the array, as an empty value.
                if try reader.consumeNull() {
                    values.append(.empty)
                    continue
                }
                values.append(try anyValue(&reader, limits: limits, depth: depth))
            }
        }
        return values
    }

    private static func kvlistValue(_ reader: inout JSONReader, limits: DecodeLimits, depth: Int) throws(OTLPDecodeError) -> [Attribute] {
        var values: [Attribute] = []
        try reader.readObject("KeyValueList", table: valuesTable) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            values += try attributes(&reader, field: "values", of: "KeyValueList", limits: limits, depth: depth)
        }
        return values
    }
}
