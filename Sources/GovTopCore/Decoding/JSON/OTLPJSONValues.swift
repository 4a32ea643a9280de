/// Decodes OTLP `KeyValue` lists and `AnyValue`s from OTLP/JSON into `Attribute`s.
///
/// `AnyValue` depth counts from 1 for an attribute's own value; each `arrayValue` or
/// `kvlistValue` level adds one. A value deeper than `limits.maxValueDepth` fails the payload.
/// The recursion is bounded by that limit (and by the reader's nesting bound).
///
/// What it builds is charged to the request's allowance; `null` items of a `KeyValue` list are
/// dropped and counted in `nullItemsDropped` (a `null` in an `ArrayValue` keeps its place as an
/// empty value).
struct OTLPJSONValues {
    let limits: DecodeLimits
    let allowance: DecodeAllowance
    private(set) var nullItemsDropped = 0

    init(limits: DecodeLimits, allowance: DecodeAllowance) {
        self.limits = limits
        self.allowance = allowance
    }

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

    /// Appends the elements of a repeated `KeyValue` field such as `attributes` (a key given
    /// twice concatenates, as a repeated protobuf field does).
    mutating func appendAttributes(_ reader: inout JSONReader, to attributes: inout [Attribute], field: String,
                                   of message: String, depth: Int = 1) throws(OTLPDecodeError) {
        nullItemsDropped += try reader.readArray(field, of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
            try allowance.append(try keyValue(&reader, depth: depth), to: &attributes)
        }
    }

    private mutating func keyValue(_ reader: inout JSONReader, depth: Int) throws(OTLPDecodeError) -> Attribute {
        var attribute = Attribute("", .empty)
        try reader.readObject("KeyValue", table: Self.keyValueTable) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .key: attribute.key = try reader.readStringField("key", of: "KeyValue", allowance: allowance)
            case .value: attribute.value = try anyValue(&reader, depth: depth)
            }
        }
        return attribute
    }

    mutating func anyValue(_ reader: inout JSONReader, depth: Int) throws(OTLPDecodeError) -> AttributeValue {
        guard depth <= limits.maxValueDepth else {
            throw reader.error("AnyValue nested deeper than \(limits.maxValueDepth) levels")
        }
        var value = AttributeValue.empty
        var valueStart: Int?
        try reader.readObject("AnyValue", table: Self.anyValueTable) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            reader.skipWhitespace()
            if let valueStart {
                throw reader.error("AnyValue has more than one value (the first one is at \(JSONPosition.describe(reader.bytes, offset: valueStart)))")
            }
            valueStart = reader.offset
            switch field {
            case .string: value = .string(try reader.readStringField("stringValue", of: "AnyValue", allowance: allowance))
            case .bool: value = .bool(try reader.readBoolField("boolValue", of: "AnyValue"))
            case .int: value = .int(try reader.readInt64Field("intValue", of: "AnyValue"))
            case .double: value = .double(try reader.readDoubleField("doubleValue", of: "AnyValue"))
            case .bytes: value = .bytes(try reader.readBytesField("bytesValue", of: "AnyValue", allowance: allowance))
            case .array: value = .array(try arrayValue(&reader, depth: depth + 1))
            case .kvlist: value = .kvlist(try kvlistValue(&reader, depth: depth + 1))
            }
        }
        return value
    }

    private mutating func arrayValue(_ reader: inout JSONReader, depth: Int) throws(OTLPDecodeError) -> [AttributeValue] {
        var values: [AttributeValue] = []
        try reader.readObject("ArrayValue", table: Self.valuesTable) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            let kind = try reader.peekKind()
            guard kind == .array else { throw reader.wrongType("values", of: "ArrayValue", want: "an array", found: kind) }
            try reader.beginArray()
            while try reader.nextElement() {
                // A null element keeps its place in the array, as an empty value.
                if try reader.consumeNull() {
                    try allowance.append(.empty, to: &values)
                    continue
                }
                try allowance.append(try anyValue(&reader, depth: depth), to: &values)
            }
        }
        return values
    }

    private mutating func kvlistValue(_ reader: inout JSONReader, depth: Int) throws(OTLPDecodeError) -> [Attribute] {
        var values: [Attribute] = []
        try reader.readObject("KeyValueList", table: Self.valuesTable) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            try appendAttributes(&reader, to: &values, field: "values", of: "KeyValueList", depth: depth)
        }
        return values
    }
}
