/// `KeyValue`, `AnyValue`, `ArrayValue` and `KeyValueList`: the only recursive part of OTLP,
/// bounded by `maxValueDepth`.
extension TraceRequestDecoder {
    /// Reads the `KeyValue` message in field `tag` of `reader`. A top-level attribute value has depth 1.
    @inline(__always)
    func decodeKeyValue(_ tag: ProtoFieldTag, _ reader: inout ProtoReader, depth: Int) throws(OTLPDecodeError) -> Attribute {
        var message = try reader.readMessage(tag, as: .keyValue)
        var key = ""
        var value = AttributeValue.empty
        while let field = try message.nextTag() {
            switch field.number {
            case 1:
                key = try message.readKey(field, keys: keys, cache: cache)
            case 2:
                var anyValue = try message.readMessage(field, as: .anyValue)
                value = try decodeAnyValue(&anyValue, merging: value, depth: depth)
            case 3:
                _ = try message.readVarint(field)
            default:
                try message.skip(field)
            }
        }
        return Attribute(key, value)
    }

    /// Decodes an `AnyValue` on top of `current`: protobuf merges a repeated message field, so a
    /// second array (or list) for the same value extends the first, and any other form replaces it.
    func decodeAnyValue(
        _ reader: inout ProtoReader, merging current: AttributeValue, depth: Int
    ) throws(OTLPDecodeError) -> AttributeValue {
        guard depth <= maxValueDepth else {
            throw OTLPDecodeError("AnyValue nested deeper than \(maxValueDepth) levels at byte \(reader.position)")
        }
        var value = current
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1:
                value = .string(try reader.readString(tag, cache: cache))
            case 2:
                value = .bool(try reader.readVarint(tag) != 0)
            case 3:
                value = .int(Int64(bitPattern: try reader.readVarint(tag)))
            case 4:
                value = .double(Double(bitPattern: try reader.readFixed64(tag)))
            case 5:
                var message = try reader.readMessage(tag, as: .arrayValue)
                var values: [AttributeValue] = []
                if case .array(let existing) = value {
                    values = existing
                } else if (ArrayValueCache.minimumLength...ArrayValueCache.maximumLength).contains(message.end &- message.position) {
                    // A repeated array (the same bytes at the same depth) is shared, not decoded again.
                    value = .array(try arrays.value(base: message.base, offset: message.position,
                                                    count: message.end &- message.position, depth: depth) { () throws(OTLPDecodeError) in
                        try decodeArrayValue(&message, into: &values, depth: depth + 1)
                        return values
                    })
                    continue
                }
                value = .empty
                try decodeArrayValue(&message, into: &values, depth: depth + 1)
                value = .array(values)
            case 6:
                var message = try reader.readMessage(tag, as: .keyValueList)
                var entries: [Attribute] = []
                if case .kvlist(let existing) = value { entries = existing }
                value = .empty
                try decodeKeyValueList(&message, into: &entries, depth: depth + 1)
                value = .kvlist(entries)
            case 7:
                let range = try reader.readLengthDelimited(tag)
                if !range.isEmpty { try allowance.charge(range.count &+ DecodeCost.blockHeader) }
                value = .bytes(reader.bytes(in: range))
            case 8:
                _ = try reader.readVarint(tag)
                value = .empty
            default:
                try reader.skip(tag)
            }
        }
        return value
    }

    private func decodeArrayValue(
        _ reader: inout ProtoReader, into values: inout [AttributeValue], depth: Int
    ) throws(OTLPDecodeError) {
        try allowance.reserve(reader.fieldCount(1), in: &values)
        while let tag = try reader.nextTag() {
            if tag.number == 1 {
                var message = try reader.readMessage(tag, as: .anyValue)
                values.append(try decodeAnyValue(&message, merging: .empty, depth: depth))
            } else {
                try reader.skip(tag)
            }
        }
    }

    private func decodeKeyValueList(
        _ reader: inout ProtoReader, into entries: inout [Attribute], depth: Int
    ) throws(OTLPDecodeError) {
        try allowance.reserve(reader.fieldCount(1), in: &entries)
        while let tag = try reader.nextTag() {
            if tag.number == 1 {
                entries.append(try decodeKeyValue(tag, &reader, depth: depth))
            } else {
                try reader.skip(tag)
            }
        }
    }
}
