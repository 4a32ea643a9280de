/// The compact byte form in which the store keeps the variable part of a span: attributes, events,
/// links, trace state and status message. Well-known keys take one byte, integers are varints, and
/// the string values of keys whose values are enumerations (model, provider, operation, …) are ids
/// of the process-wide `StoredValueTable`. Only the store writes it; readers decode it back into the
/// model on demand, on any thread (reading the table takes no lock).
enum SpanPayload {
    /// Writes the payloads of one batch's spans one after the other into one buffer, remembering
    /// the values it coded last (a batch repeats a handful of them; see `StoredValueCache`).
    struct Encoder: ~Copyable {
        private var writer: Writer

        init(values: StoredValueTable = .shared) {
            writer = Writer(values: StoredValueCache(table: values))
        }

        /// Appends the span's payload; returns where it lies in `bytes`.
        mutating func encode(_ span: SpanRecord) -> Range<Int> {
            let start = writer.count
            writer.span(span)
            return start..<writer.count
        }

        /// Every payload written so far, in one array (the store copies each into its ring chunk's
        /// arena): one allocation per batch instead of one per span.
        var bytes: [UInt8] { writer.bytes }
    }

    /// One span's payload (an encoder for a single span).
    static func encode(_ span: SpanRecord, values: StoredValueTable = .shared) -> [UInt8] {
        var encoder = Encoder(values: values)
        _ = encoder.encode(span)
        return encoder.bytes
    }

    /// Only the span's attributes (the payload's first field), for filters that look at nothing else.
    static func attributes(_ bytes: [UInt8], values: StoredValueTable = .shared) -> [Attribute] {
        var reader = Reader(bytes: bytes, values: values)
        return reader.attributes()
    }

    /// Fills the variable fields of `span` from a payload written by `encode` with the same table.
    static func decode(_ bytes: [UInt8], into span: inout SpanRecord, values: StoredValueTable = .shared) {
        var reader = Reader(bytes: bytes, values: values)
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
        /// `codedString` is followed by the value's id in the `StoredValueTable` instead of its bytes.
        case string = 0, boolFalse, boolTrue, int, double, bytes, array, kvlist, empty, codedString
    }

    /// Writes through a pointer into a buffer it grows as needed (appending to an array checks its
    /// uniqueness and capacity at every byte, which was a third of the writer's time).
    private struct Writer: ~Copyable {
        private var base: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        var count = 0
        var values: StoredValueCache
        private let keyCodes = StoredKeyCodes.lookup

        init(values: StoredValueCache) {
            capacity = 1024
            base = .allocate(capacity: capacity)
            self.values = values
        }

        deinit {
            base.deallocate()
        }

        /// The bytes written.
        var bytes: [UInt8] {
            Array(UnsafeBufferPointer(start: base, count: count))
        }

        /// Makes room for `more` bytes.
        @inline(__always)
        private mutating func reserve(_ more: Int) {
            if more > capacity &- count { grow(to: count + more) }
        }

        private mutating func grow(to needed: Int) {
            let larger = max(capacity * 2, needed)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
            moved.initialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = larger
        }

        @inline(__always)
        private mutating func byte(_ value: UInt8) {
            reserve(1)
            base[count] = value
            count &+= 1
        }

        mutating func span(_ span: SpanRecord) {
            attributes(span.attributes)
            varint(UInt64(span.droppedAttributesCount))
            string(span.traceState)
            varint(UInt64(span.flags))
            string(span.statusMessage)
            varint(UInt64(span.events.count))
            for event in span.events {
                fixed64(event.timeUnixNano)
                string(event.name)
                attributes(event.attributes)
                varint(UInt64(event.droppedAttributesCount))
            }
            varint(UInt64(span.droppedEventsCount))
            varint(UInt64(span.links.count))
            for link in span.links {
                fixed64(link.traceID.high)
                fixed64(link.traceID.low)
                fixed64(link.spanID.value)
                string(link.traceState)
                attributes(link.attributes)
                varint(UInt64(link.droppedAttributesCount))
                varint(UInt64(link.flags))
            }
            varint(UInt64(span.droppedLinksCount))
        }

        mutating func varint(_ value: UInt64) {
            reserve(10)
            var rest = value
            while rest >= 0x80 {
                base[count] = UInt8(truncatingIfNeeded: rest) | 0x80
                count &+= 1
                rest >>= 7
            }
            base[count] = UInt8(truncatingIfNeeded: rest)
            count &+= 1
        }

        mutating func fixed64(_ value: UInt64) {
            reserve(8)
            UnsafeMutableRawPointer(base + count).storeBytes(of: value.littleEndian, as: UInt64.self)
            count &+= 8
        }

        mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
            varint(UInt64(bytes.count))
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
            reserve(bytes.count)
            (base + count).initialize(from: start, count: bytes.count)
            count &+= bytes.count
        }

        mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { raw($0) }
        }

        mutating func attributes(_ attributes: [Attribute]) {
            varint(UInt64(attributes.count))
            let keyCodes = keyCodes
            // Keys found by their bits in place, not copied out of the array (no String hashing either).
            keyCodes.wellKnown.forEachKey(of: attributes) { position, entry in
                let code = if let entry { keyCodes.codeByEntry[entry] } else { keyCodes.code(spelled: attributes[position].key) }
                if let code {
                    byte(code)
                    write(attributes[position].value, coded: keyCodes.hasEnumeratedValues[Int(code)])
                } else {
                    byte(StoredKeyCodes.literal)
                    string(attributes[position].key)
                    write(attributes[position].value, coded: false)
                }
                return true
            }
        }

        /// `coded`: the value belongs to a key whose string values (and an array's string elements)
        /// are looked up in the value table.
        mutating func write(_ value: AttributeValue, coded: Bool) {
            switch value {
            case .string(let text):
                if coded, let id = values.id(of: text) {
                    byte(Tag.codedString.rawValue)
                    varint(UInt64(id))
                } else {
                    byte(Tag.string.rawValue)
                    string(text)
                }
            case .bool(let flag):
                byte(flag ? Tag.boolTrue.rawValue : Tag.boolFalse.rawValue)
            case .int(let number):
                byte(Tag.int.rawValue)
                varint(UInt64(bitPattern: (number << 1) ^ (number >> 63)))
            case .double(let number):
                byte(Tag.double.rawValue)
                fixed64(number.bitPattern)
            case .bytes(let data):
                byte(Tag.bytes.rawValue)
                data.withUnsafeBufferPointer { raw($0) }
            case .array(let values):
                byte(Tag.array.rawValue)
                varint(UInt64(values.count))
                for element in values { write(element, coded: coded) }
            case .kvlist(let list):
                byte(Tag.kvlist.rawValue)
                attributes(list)
            case .empty:
                byte(Tag.empty.rawValue)
            }
        }
    }

    /// Reads what `Writer` wrote; the bytes never come from the network, so the reader trusts them.
    private struct Reader {
        let bytes: [UInt8]
        let values: StoredValueTable
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
            case .codedString: .string(values.value(UInt32(truncatingIfNeeded: varint())))
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
