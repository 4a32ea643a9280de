/// Hand-made protobuf wire bytes for tests that need input the generated types cannot produce
/// (unknown fields, groups, wrong wire types, truncations, duplicated fields).
enum Wire {
    static let varintType: UInt8 = 0, fixed64Type: UInt8 = 1, lengthDelimitedType: UInt8 = 2
    static let startGroupType: UInt8 = 3, endGroupType: UInt8 = 4, fixed32Type: UInt8 = 5

    static func varint(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        return bytes
    }

    static func tag(_ field: Int, _ wireType: UInt8) -> [UInt8] {
        varint(UInt64(field) << 3 | UInt64(wireType))
    }

    static func varintField(_ field: Int, _ value: UInt64) -> [UInt8] {
        tag(field, varintType) + varint(value)
    }

    static func fixed64Field(_ field: Int, _ value: UInt64) -> [UInt8] {
        tag(field, fixed64Type) + (0..<8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    static func fixed32Field(_ field: Int, _ value: UInt32) -> [UInt8] {
        tag(field, fixed32Type) + (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    static func lengthDelimited(_ field: Int, _ payload: [UInt8]) -> [UInt8] {
        tag(field, lengthDelimitedType) + varint(UInt64(payload.count)) + payload
    }

    static func string(_ field: Int, _ text: String) -> [UInt8] {
        lengthDelimited(field, Array(text.utf8))
    }

    static func group(_ field: Int, _ body: [UInt8]) -> [UInt8] {
        tag(field, startGroupType) + body + tag(field, endGroupType)
    }

    /// One unknown field of every wire type, including a group with a nested group.
    static let unknownFieldsOfEveryType: [UInt8] =
        varintField(5001, 300) + varintField(5001, UInt64.max) + fixed64Field(5002, 0xDEAD_BEEF_0000_0001)
        + fixed32Field(5003, 7) + lengthDelimited(5004, [0xFF, 0x00, 0x80, 0x0A])
        + group(5005, varintField(1, 1) + lengthDelimited(2, [1, 2, 3]) + group(5006, fixed32Field(3, 9)))
        + varintField(536_870_911, 1)

    /// A request holding one resource with one scope holding these encoded spans.
    static func request(spans: [[UInt8]]) -> [UInt8] {
        lengthDelimited(1, lengthDelimited(2, spans.flatMap { lengthDelimited(2, $0) }))
    }

    /// Where the first span's content starts in `request(spans:)`, for checking error offsets.
    static func offsetOfFirstSpan(in spans: [[UInt8]]) -> Int {
        let spanFields = spans.flatMap { lengthDelimited(2, $0) }
        let scope = lengthDelimited(2, spanFields)
        let firstSpanHeader = 1 + varint(UInt64(spans[0].count)).count
        return (1 + varint(UInt64(scope.count)).count) + (1 + varint(UInt64(spanFields.count)).count) + firstSpanHeader
    }

    /// The required fields of a valid span, for building invalid ones around them.
    static func validSpanFields(name: String = "chat") -> [UInt8] {
        lengthDelimited(1, Array(repeating: 0xAB, count: 16)) + lengthDelimited(2, Array(repeating: 0xCD, count: 8))
            + string(5, name)
    }
}
