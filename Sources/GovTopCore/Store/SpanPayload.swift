/// The compact byte form in which the store keeps the variable part of a span: attributes, events,
/// links, trace state and status message. Well-known keys take one byte, integers are varints.
/// Only the store writes it; readers decode it back into the model on demand.
enum SpanPayload {
    static func encode(_ span: SpanRecord) -> [UInt8] {
        var writer = Writer()
        writer.attributes(span.attributes)
        writer.varint(UInt64(span.droppedAttributesCount))
        writer.string(span.traceState)
        writer.varint(UInt64(span.flags))
        writer.string(span.statusMessage)
        writer.varint(UInt64(span.events.count))
        for event in span.events {
            writer.fixed64(event.timeUnixNano)
            writer.string(event.name)
            writer.attributes(event.attributes)
            writer.varint(UInt64(event.droppedAttributesCount))
        }
        writer.varint(UInt64(span.droppedEventsCount))
        writer.varint(UInt64(span.links.count))
        for link in span.links {
            writer.fixed64(link.traceID.high)
            writer.fixed64(link.traceID.low)
            writer.fixed64(link.spanID.value)
            writer.string(link.traceState)
            writer.attributes(link.attributes)
            writer.varint(UInt64(link.droppedAttributesCount))
            writer.varint(UInt64(link.flags))
        }
        writer.varint(UInt64(span.droppedLinksCount))
        // The store copies these bytes into its ring chunk's arena, so spare capacity is not kept.
        return writer.bytes
    }

    /// Only the span's attributes (the payload's first field), for filters that look at nothing else.
    static func attributes(_ bytes: [UInt8]) -> [Attribute] {
        var reader = Reader(bytes: bytes)
        return reader.attributes()
    }

    /// Fills the variable fields of `span` from a payload written by `encode`.
    static func decode(_ bytes: [UInt8], into span: inout SpanRecord) {
        var reader = Reader(bytes: bytes)
        span.attributes = reader.attributes()
        span.droppedAttributesCount = UInt32(truncatingIfNeeded: reader.varint())
        span.traceState = reader.string()
        span.flags = UInt32(truncatingIfNeeded: reader.varint())
        span.statusMessage = reader.string()
        span.events = (0..<reader.varint()).map { _ in
            SpanEvent(timeUnixNano: reader.fixed64(), name: reader.string(), attributes: reader.attributes(),
                      droppedAttributesCount: UInt32(truncatingIfNeeded: reader.varint()))
        }
        span.droppedEventsCount = UInt32(truncatingIfNeeded: reader.varint())
        span.links = (0..<reader.varint()).map { _ in
            SpanLink(traceID: TraceID(high: reader.fixed64(), low: reader.fixed64()), spanID: SpanID(reader.fixed64()),
                     traceState: reader.string(), attributes: reader.attributes(),
                     droppedAttributesCount: UInt32(truncatingIfNeeded: reader.varint()),
                     flags: UInt32(truncatingIfNeeded: reader.varint()))
        }
        span.droppedLinksCount = UInt32(truncatingIfNeeded: reader.varint())
    }

    private enum Tag: UInt8 {
        case string = 0, boolFalse, boolTrue, int, double, bytes, array, kvlist, empty
    }

    private struct Writer {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(256) }

        mutating func varint(_ value: UInt64) {
            bytes.appendVarint(value)
        }

        mutating func fixed64(_ value: UInt64) {
            bytes.appendLittleEndian(value)
        }

        mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                varint(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func attributes(_ attributes: [Attribute]) {
            varint(UInt64(attributes.count))
            for attribute in attributes {
                if let code = StoredKeyCodes.code(of: attribute.key) { // hotpath: no String hashing per attribute
                    bytes.append(code)
                } else {
                    bytes.append(StoredKeyCodes.literal)
                    string(attribute.key)
                }
                write(attribute.value)
            }
        }

        mutating func write(_ value: AttributeValue) {
            switch value {
            case .string(let text):
                bytes.append(Tag.string.rawValue)
                string(text)
            case .bool(let flag):
                bytes.append(flag ? Tag.boolTrue.rawValue : Tag.boolFalse.rawValue)
            case .int(let number):
                bytes.append(Tag.int.rawValue)
                varint(UInt64(bitPattern: (number << 1) ^ (number >> 63)))
            case .double(let number):
                bytes.append(Tag.double.rawValue)
                fixed64(number.bitPattern)
            case .bytes(let data):
                bytes.append(Tag.bytes.rawValue)
                varint(UInt64(data.count))
                bytes.append(contentsOf: data)
            case .array(let values):
                bytes.append(Tag.array.rawValue)
                varint(UInt64(values.count))
                for element in values { write(element) }
            case .kvlist(let list):
                bytes.append(Tag.kvlist.rawValue)
                attributes(list)
            case .empty:
                bytes.append(Tag.empty.rawValue)
            }
        }
    }

    /// Reads what `Writer` wrote; the bytes never come from the network, so the reader trusts them.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() -> UInt8 {
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = byte()
                result |= UInt64(next & 0x7F) << shift
                if next < 0x80 { return result }
                shift += 7
            }
        }

        mutating func fixed64() -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
            offset += 8
            return value
        }

        mutating func raw() -> ArraySlice<UInt8> {
            let length = Int(varint())
            defer { offset += length }
            return bytes[offset..<offset + length]
        }

        mutating func string() -> String { String(decoding: raw(), as: UTF8.self) }

        mutating func attributes() -> [Attribute] {
            (0..<varint()).map { _ in
                let code = byte()
                let key = code == StoredKeyCodes.literal ? string() : StoredKeyCodes.keys[Int(code)]
                return Attribute(key, value())
            }
        }

        mutating func value() -> AttributeValue {
            switch Tag(rawValue: byte()) ?? .empty {
            case .string: .string(string())
            case .boolFalse: .bool(false)
            case .boolTrue: .bool(true)
            case .int:
                { let raw = varint(); return .int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)) }()
            case .double: .double(Double(bitPattern: fixed64()))
            case .bytes: .bytes(Array(raw()))
            case .array: .array((0..<varint()).map { _ in value() })
            case .kvlist: .kvlist(attributes())
            case .empty: .empty
            }
        }
    }
}
