/// Transcodes an OTLP protobuf message into its OTLP/JSON form, field by field from the
/// `OTLPMessage` tables: lowerCamelCase keys, trace and span ids as hex, 64-bit integers as decimal
/// strings, enums as numbers, bytes as base64, non-finite doubles as strings: the form the
/// OpenTelemetry Collector's `file` exporter writes, and the one govtop's JSON decoder reads.
///
/// Members come in declaration order, a repeated field as one array wherever its elements were on
/// the wire (packed or not); the last value of a singular field wins, as protobuf says. Fields the
/// table does not know (newer senders) are skipped: JSON names them by name, which the wire lacks.
/// Every length is checked and messages nest at most `maxDepth` deep, so hostile input ends in an
/// `OTLPDecodeError`, never in a crash.
public enum OTLPProtobufTranscoder {
    /// Deeper than OTLP's fixed message nesting plus `DecodeLimits().maxValueDepth` levels of `AnyValue`.
    public static let maxDepth = 128

    public static func transcode(_ bytes: UnsafeRawBufferPointer, as message: OTLPMessage) throws(OTLPDecodeError) -> OTLPJSONNode {
        try transcode(bytes, 0..<bytes.count, as: message, depth: 0)
    }

    private static func transcode(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, as message: OTLPMessage,
                                  depth: Int) throws(OTLPDecodeError) -> OTLPJSONNode {
        guard depth < maxDepth else { throw OTLPDecodeError("messages nest more than \(maxDepth) deep") }
        let fields = message.fields
        var values = [[OTLPJSONNode]](repeating: [], count: fields.count)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let key = try varint(bytes, &offset, end: range.upperBound)
            let number = Int(truncatingIfNeeded: key >> 3)
            let wireType = UInt8(truncatingIfNeeded: key & 7)
            guard let index = fields.firstIndex(where: { $0.number == number }) else {
                try skip(wireType: wireType, bytes, &offset, end: range.upperBound)
                continue
            }
            let field = fields[index]
            if field.repeated && wireType == 2 && field.type.wireType != 2 {
                // Packed scalars.
                let length = try lengthPrefix(bytes, &offset, end: range.upperBound)
                let end = offset + length
                while offset < end {
                    values[index].append(try scalar(field.type, bytes, &offset, end: end))
                }
                continue
            }
            guard wireType == field.type.wireType else {
                throw OTLPDecodeError("field \(field.name) (\(number)) of \(message) has wire type \(wireType), not \(field.type.wireType)")
            }
            let value: OTLPJSONNode
            if case .message(let nested) = field.type {
                let length = try lengthPrefix(bytes, &offset, end: range.upperBound)
                value = try transcode(bytes, offset..<(offset + length), as: nested, depth: depth + 1)
                offset += length
            } else {
                value = try scalar(field.type, bytes, &offset, end: range.upperBound)
            }
            if field.repeated {
                values[index].append(value)
            } else {
                values[index] = [value]
            }
        }
        var members: [OTLPJSONNode.Member] = []
        for (index, field) in fields.enumerated() where !values[index].isEmpty {
            members.append(.init(field.name, field.repeated ? .array(values[index]) : values[index][0]))
        }
        return .object(members)
    }

    private static func scalar(_ type: OTLPFieldType, _ bytes: UnsafeRawBufferPointer, _ offset: inout Int,
                               end: Int) throws(OTLPDecodeError) -> OTLPJSONNode {
        switch type {
        case .message:
            preconditionFailure("messages are transcoded by transcode(_:_:as:depth:)")
        case .string:
            let length = try lengthPrefix(bytes, &offset, end: end)
            defer { offset += length }
            return .string(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self))
        case .bytes, .id:
            let length = try lengthPrefix(bytes, &offset, end: end)
            defer { offset += length }
            let data = Array(bytes[offset..<(offset + length)])
            return .string(type == .id ? hex(data) : Base64.encode(data))
        case .bool:
            return .bool(try varint(bytes, &offset, end: end) != 0)
        case .int32, .enumeration:
            return .number(String(Int32(truncatingIfNeeded: try varint(bytes, &offset, end: end))))
        case .sint32:
            let raw = UInt32(truncatingIfNeeded: try varint(bytes, &offset, end: end))
            return .number(String(Int32(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))))
        case .uint32:
            return .number(String(UInt32(truncatingIfNeeded: try varint(bytes, &offset, end: end))))
        case .int64:
            return .string(String(Int64(bitPattern: try varint(bytes, &offset, end: end))))
        case .uint64:
            return .string(String(try varint(bytes, &offset, end: end)))
        case .fixed32:
            return .number(String(UInt32(truncatingIfNeeded: try fixed(4, bytes, &offset, end: end))))
        case .fixed64:
            return .string(String(try fixed(8, bytes, &offset, end: end)))
        case .sfixed64:
            return .string(String(Int64(bitPattern: try fixed(8, bytes, &offset, end: end))))
        case .double:
            return number(Double(bitPattern: try fixed(8, bytes, &offset, end: end)))
        }
    }

    /// A double as OTLP/JSON writes it; integral values without a fraction.
    static func number(_ value: Double) -> OTLPJSONNode {
        if value.isNaN { return .string("NaN") }
        if value.isInfinite { return .string(value < 0 ? "-Infinity" : "Infinity") }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number("\(value)")
    }

    static func hex(_ data: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 2)
        for byte in data {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func varint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int, end: Int) throws(OTLPDecodeError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw OTLPDecodeError("truncated or overlong varint at byte \(offset)")
    }

    private static func fixed(_ size: Int, _ bytes: UnsafeRawBufferPointer, _ offset: inout Int, end: Int) throws(OTLPDecodeError) -> UInt64 {
        guard end - offset >= size else { throw OTLPDecodeError("truncated fixed-width value at byte \(offset)") }
        var value: UInt64 = 0
        for index in 0..<size { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += size
        return value
    }

    private static func lengthPrefix(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int, end: Int) throws(OTLPDecodeError) -> Int {
        let length = try varint(bytes, &offset, end: end)
        guard length <= UInt64(end - offset) else { throw OTLPDecodeError("length \(length) at byte \(offset) runs past the end of its message") }
        return Int(length)
    }

    private static func skip(wireType: UInt8, _ bytes: UnsafeRawBufferPointer, _ offset: inout Int, end: Int) throws(OTLPDecodeError) {
        switch wireType {
        case 0: _ = try varint(bytes, &offset, end: end)
        case 1: _ = try fixed(8, bytes, &offset, end: end)
        case 2: offset += try lengthPrefix(bytes, &offset, end: end)
        case 5: _ = try fixed(4, bytes, &offset, end: end)
        default: throw OTLPDecodeError("unsupported wire type \(wireType) at byte \(offset)")
        }
    }
}
