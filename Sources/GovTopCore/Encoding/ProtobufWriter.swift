/// Appends protobuf wire-format fields to a byte buffer, following proto3's rule that scalar fields
/// holding their default value are not written (the `...IfSet` methods).
///
/// Nested messages are written in one pass: `message(_:_:)` reserves one byte for the length, writes
/// the body, and moves the body up when its length needs a longer varint. Bodies shorter than
/// 128 bytes (most key-values) are never moved; larger ones move once per nesting level.
package struct ProtobufWriter {
    enum WireType: UInt8 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    package private(set) var bytes: [UInt8]

    package init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func varint(_ value: UInt64) {
        bytes.appendVarint(value)
    }

    mutating func tag(_ field: UInt32, _ wireType: WireType) {
        varint(UInt64(field) << 3 | UInt64(wireType.rawValue))
    }

    mutating func uint64(_ field: UInt32, _ value: UInt64) {
        tag(field, .varint)
        varint(value)
    }

    /// `int64` fields: negative values take ten bytes, as the wire format requires.
    package mutating func int64(_ field: UInt32, _ value: Int64) {
        uint64(field, UInt64(bitPattern: value))
    }

    mutating func uint64IfSet(_ field: UInt32, _ value: UInt64) {
        if value != 0 { uint64(field, value) }
    }

    mutating func fixed64(_ field: UInt32, _ value: UInt64) {
        tag(field, .fixed64)
        bytes.appendLittleEndian(value)
    }

    mutating func fixed64IfSet(_ field: UInt32, _ value: UInt64) {
        if value != 0 { fixed64(field, value) }
    }

    mutating func fixed32IfSet(_ field: UInt32, _ value: UInt32) {
        guard value != 0 else { return }
        tag(field, .fixed32)
        bytes.appendLittleEndian(UInt64(value), byteCount: 4)
    }

    mutating func double(_ field: UInt32, _ value: Double) {
        fixed64(field, value.bitPattern)
    }

    mutating func bool(_ field: UInt32, _ value: Bool) {
        uint64(field, value ? 1 : 0)
    }

    package mutating func string(_ field: UInt32, _ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            tag(field, .lengthDelimited)
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func stringIfSet(_ field: UInt32, _ value: String) {
        if !value.isEmpty { string(field, value) }
    }

    mutating func bytes(_ field: UInt32, _ value: [UInt8]) {
        tag(field, .lengthDelimited)
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A 16-byte trace id in network order.
    mutating func traceID(_ field: UInt32, _ id: TraceID) {
        tag(field, .lengthDelimited)
        bytes.append(16)
        appendBigEndian(id.high)
        appendBigEndian(id.low)
    }

    /// An 8-byte span id in network order.
    mutating func spanID(_ field: UInt32, _ id: SpanID) {
        tag(field, .lengthDelimited)
        bytes.append(8)
        appendBigEndian(id.value)
    }

    /// A nested message (always written, even when empty: message fields have presence).
    package mutating func message(_ field: UInt32, _ body: (inout ProtobufWriter) -> Void) {
        tag(field, .lengthDelimited)
        bytes.append(0)
        let start = bytes.count
        body(&self)
        let length = bytes.count - start
        let width = Self.varintWidth(UInt64(length))
        if width > 1 {
            bytes.insert(contentsOf: repeatElement(0, count: width - 1), at: start)
        }
        var value = UInt64(length)
        var index = start - 1
        while value >= 0x80 {
            bytes[index] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            index += 1
        }
        bytes[index] = UInt8(value)
    }

    static func varintWidth(_ value: UInt64) -> Int {
        value == 0 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7
    }

    private mutating func appendBigEndian(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

}
