/// Rewrites a serialized OTLP trace request message by message, following the trace schema:
/// every embedded message is rewritten recursively, then `transform` may reorder, duplicate or
/// add fields at that level. Used to produce unknown fields, unusual field orders and repeated
/// singular fields at every level, which the generated types never serialize.
struct WireRewriter: Sendable {
    struct Field: Sendable {
        var number: Int
        var wireType: UInt8
        /// The value bytes: the varint, the 4 or 8 fixed bytes, or a length-delimited payload.
        var payload: [UInt8]

        var encoded: [UInt8] {
            wireType == Wire.lengthDelimitedType
                ? Wire.lengthDelimited(number, payload) : Wire.tag(number, wireType) + payload
        }
    }

    /// The messages of an `ExportTraceServiceRequest` and which of their fields embed which message.
    enum Message: CaseIterable {
        case request, resourceSpans, resource, scopeSpans, scope, span, event, link, status
        case keyValue, anyValue, arrayValue, keyValueList

        var embedded: [Int: Message] {
            switch self {
            case .request: [1: .resourceSpans]
            case .resourceSpans: [1: .resource, 2: .scopeSpans]
            case .resource: [1: .keyValue]
            case .scopeSpans: [1: .scope, 2: .span]
            case .scope: [3: .keyValue]
            case .span: [9: .keyValue, 11: .event, 13: .link, 15: .status]
            case .event: [3: .keyValue]
            case .link: [4: .keyValue]
            case .status: [:]
            case .keyValue: [2: .anyValue]
            case .anyValue: [5: .arrayValue, 6: .keyValueList]
            case .arrayValue: [1: .anyValue]
            case .keyValueList: [1: .keyValue]
            }
        }
    }

    var transform: @Sendable (Message, [Field]) -> [Field]

    func rewrite(_ bytes: [UInt8], as message: Message = .request) -> [UInt8] {
        var fields = Self.parse(bytes)
        for index in fields.indices {
            if let inner = message.embedded[fields[index].number], fields[index].wireType == Wire.lengthDelimitedType {
                fields[index].payload = rewrite(fields[index].payload, as: inner)
            }
        }
        return transform(message, fields).flatMap(\.encoded)
    }

    /// Splits well-formed wire bytes (as serialized by swift-protobuf: no groups) into fields.
    static func parse(_ bytes: [UInt8]) -> [Field] {
        var fields: [Field] = []
        var position = 0
        func varint() -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
        while position < bytes.count {
            let tag = varint()
            let wireType = UInt8(tag & 7)
            let start = position
            switch wireType {
            case Wire.varintType: _ = varint()
            case Wire.fixed64Type: position += 8
            case Wire.fixed32Type: position += 4
            case Wire.lengthDelimitedType:
                let length = Int(varint())
                fields.append(Field(number: Int(tag >> 3), wireType: wireType, payload: Array(bytes[position..<position + length])))
                position += length
                continue
            default: preconditionFailure("unexpected wire type \(wireType) in test input")
            }
            fields.append(Field(number: Int(tag >> 3), wireType: wireType, payload: Array(bytes[start..<position])))
        }
        return fields
    }

    // MARK: Transforms

    /// Unknown fields of every wire type before, between and after the known ones.
    static let insertUnknownFields = WireRewriter { _, fields in
        var result: [Field] = [unknownFields[0]]
        for (index, field) in fields.enumerated() {
            result.append(field)
            result.append(unknownFields[(index + 1) % unknownFields.count])
        }
        return result + unknownFields
    }

    /// Fields sorted by descending number; fields with the same number keep their order, so the
    /// decoded content must not change.
    static let descendingFieldOrder = WireRewriter { _, fields in
        fields.enumerated().sorted { lhs, rhs in
            lhs.element.number != rhs.element.number ? lhs.element.number > rhs.element.number : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Every field twice in a row: repeated fields get duplicates, singular scalars keep the
    /// last value, singular messages merge.
    static let everyFieldTwice = WireRewriter { _, fields in
        fields.flatMap { [$0, $0] }
    }

    /// Before every scalar field, a decoy with another value in the same field; the last value
    /// wins, so the decoded content must not change.
    static let decoyBeforeScalars = WireRewriter { message, fields in
        fields.flatMap { field -> [Field] in
            if message.embedded[field.number] != nil { return [field] }
            var decoy = field
            switch field.wireType {
            case Wire.varintType: decoy.payload = Wire.varint(field.payload == [7] ? 8 : 7)
            case Wire.fixed64Type, Wire.fixed32Type: decoy.payload = decoy.payload.map { $0 ^ 0x5A }
            default: decoy.payload = Array("decoy".utf8)
            }
            return [decoy, field]
        }
    }

    /// Unknown fields of every wire type. A group is carried as a field whose payload is the
    /// group's body followed by its end-group tag.
    private static let unknownFields: [Field] = [
        Field(number: 5001, wireType: Wire.varintType, payload: Wire.varint(300)),
        Field(number: 5002, wireType: Wire.fixed64Type, payload: [1, 0, 0, 0, 0xEF, 0xBE, 0xAD, 0xDE]),
        Field(number: 5003, wireType: Wire.fixed32Type, payload: [7, 0, 0, 0]),
        Field(number: 5004, wireType: Wire.lengthDelimitedType, payload: [0xFF, 0x00, 0x80, 0x0A]),
        Field(number: 536_870_911, wireType: Wire.varintType, payload: Wire.varint(UInt64.max)),
        Field(number: 5005, wireType: Wire.startGroupType,
              payload: Wire.varintField(1, 1) + Wire.lengthDelimited(2, [1, 2, 3])
                + Wire.group(5006, Wire.fixed32Field(3, 9)) + Wire.tag(5005, Wire.endGroupType)),
    ]
}
