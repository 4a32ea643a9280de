/// A bounds-checked cursor over protobuf wire-format bytes.
///
/// It reads straight from the request's memory: nothing is copied until a value is materialized
/// (a `String`, a byte array). All offsets, including the ones in error messages, count from
/// the start of the whole payload, so a nested reader reports positions a user can find in a dump.
/// The memory must stay valid for the reader's lifetime; the decoder only uses it inside
/// `decodeTraces` and friends, which own that guarantee.
struct ProtoReader {
    let base: UnsafeRawPointer
    private(set) var position: Int
    let end: Int
    let message: ProtoMessageKind
    /// How deeply unknown groups may nest before the payload is rejected.
    let maxGroupDepth: Int

    init(base: UnsafeRawPointer, position: Int, end: Int, message: ProtoMessageKind, maxGroupDepth: Int) {
        self.base = base
        self.position = position
        self.end = end
        self.message = message
        self.maxGroupDepth = maxGroupDepth
    }

    var isAtEnd: Bool { position >= end }

    @inline(__always)
    func byte(at offset: Int) -> UInt8 {
        base.load(fromByteOffset: offset, as: UInt8.self)
    }

    // MARK: Tags

    /// The next field's tag, or nil at the end of this message.
    @inline(__always)
    mutating func nextTag() throws(OTLPDecodeError) -> ProtoFieldTag? {
        guard position < end else { return nil }
        let offset = position
        let first = byte(at: position)
        let raw: UInt64
        if first < 0x80 {
            position &+= 1
            raw = UInt64(first)
        } else {
            guard let value = slowVarint() else { throw varintError(what: "tag", at: offset) }
            raw = value
        }
        let number = raw >> 3
        guard number >= 1, number <= 0x1FFF_FFFF else {
            throw OTLPDecodeError("invalid field number \(number) in \(message.name) at byte \(offset)")
        }
        guard let wireType = ProtoWireType(rawValue: UInt8(truncatingIfNeeded: raw & 7)) else {
            throw OTLPDecodeError("invalid wire type \(raw & 7) for field \(number) in \(message.name) at byte \(offset)")
        }
        return ProtoFieldTag(number: Int(truncatingIfNeeded: number), wireType: wireType, offset: offset)
    }

    // MARK: Scalars

    @inline(__always)
    mutating func readVarint(_ tag: ProtoFieldTag) throws(OTLPDecodeError) -> UInt64 {
        try expect(.varint, tag)
        return try varintValue(tag)
    }

    @inline(__always)
    mutating func readFixed64(_ tag: ProtoFieldTag) throws(OTLPDecodeError) -> UInt64 {
        try expect(.fixed64, tag)
        return try fixed64Value(tag)
    }

    @inline(__always)
    mutating func readFixed32(_ tag: ProtoFieldTag) throws(OTLPDecodeError) -> UInt32 {
        try expect(.fixed32, tag)
        return try fixed32Value(tag)
    }

    /// The payload of a length-delimited field as offsets into the buffer.
    @inline(__always)
    mutating func readLengthDelimited(_ tag: ProtoFieldTag) throws(OTLPDecodeError) -> Range<Int> {
        try expect(.lengthDelimited, tag)
        return try lengthDelimitedValue(tag)
    }

    /// A reader for an embedded message field.
    @inline(__always)
    mutating func readMessage(_ tag: ProtoFieldTag, as kind: ProtoMessageKind) throws(OTLPDecodeError) -> ProtoReader {
        let range = try readLengthDelimited(tag)
        return ProtoReader(base: base, position: range.lowerBound, end: range.upperBound, message: kind,
                           maxGroupDepth: maxGroupDepth)
    }

    /// A copy of the payload bytes in `range` (from `readLengthDelimited`).
    func bytes(in range: Range<Int>) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Big-endian 64-bit load used for trace and span ids; the caller checked the bounds.
    @inline(__always)
    func bigEndianUInt64(at offset: Int) -> UInt64 {
        UInt64(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    // MARK: Skipping

    /// Skips a field this decoder does not use, whatever its wire type (groups included).
    mutating func skip(_ tag: ProtoFieldTag) throws(OTLPDecodeError) {
        switch tag.wireType {
        case .varint: _ = try varintValue(tag)
        case .fixed64: _ = try fixed64Value(tag)
        case .fixed32: _ = try fixed32Value(tag)
        case .lengthDelimited: _ = try lengthDelimitedValue(tag)
        case .startGroup: try skipGroup(tag, depth: 1)
        case .endGroup:
            throw OTLPDecodeError("unexpected end-group for field \(tag.number) in \(message.name) at byte \(tag.offset)")
        }
    }

    private mutating func skipGroup(_ start: ProtoFieldTag, depth: Int) throws(OTLPDecodeError) {
        guard depth <= maxGroupDepth else {
            throw OTLPDecodeError("groups nested deeper than \(maxGroupDepth) levels in \(message.name) at byte \(start.offset)")
        }
        while true {
            guard let inner = try nextTag() else {
                throw OTLPDecodeError("unterminated group field \(start.number) in \(message.name) at byte \(start.offset)")
            }
            switch inner.wireType {
            case .endGroup:
                guard inner.number == start.number else {
                    throw OTLPDecodeError("end-group for field \(inner.number) closes group field \(start.number) in \(message.name) at byte \(inner.offset)")
                }
                return
            case .startGroup:
                try skipGroup(inner, depth: depth + 1)
            default:
                try skip(inner)
            }
        }
    }

    // MARK: Values after the wire type was checked

    @inline(__always)
    private mutating func expect(_ wireType: ProtoWireType, _ tag: ProtoFieldTag) throws(OTLPDecodeError) {
        guard tag.wireType == wireType else {
            throw OTLPDecodeError("field \(tag.number) of \(message.name) has wire type \(tag.wireType.name), expected \(wireType.name), at byte \(tag.offset)")
        }
    }

    @inline(__always)
    private mutating func varintValue(_ tag: ProtoFieldTag) throws(OTLPDecodeError) -> UInt64 {
        guard position < end else { throw varintError(what: "varint field \(tag.number)", at: tag.offset) }
        let first = byte(at: position)
        if first < 0x80 {
            position &+= 1
            return UInt64(first)
        }
        guard let value = slowVarint() else { throw varintError(what: "varint field \(tag.number)", at: tag.offset) }
        return value
    }

    @inline(__always)
    private mutating func fixed64Value(_ tag: ProtoFieldTag) throws(OTLPDecodeError) -> UInt64 {
        guard end &- position >= 8 else {
            throw OTLPDecodeError("truncated fixed64 field \(tag.number) in \(message.name) at byte \(tag.offset)")
        }
        let value = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        position &+= 8
        return value
    }

    @inline(__always)
    private mutating func fixed32Value(_ tag: ProtoFieldTag) throws(OTLPDecodeError) -> UInt32 {
        guard end &- position >= 4 else {
            throw OTLPDecodeError("truncated fixed32 field \(tag.number) in \(message.name) at byte \(tag.offset)")
        }
        let value = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt32.self))
        position &+= 4
        return value
    }

    @inline(__always)
    private mutating func lengthDelimitedValue(_ tag: ProtoFieldTag) throws(OTLPDecodeError) -> Range<Int> {
        let length: UInt64
        if position < end, byte(at: position) < 0x80 {
            length = UInt64(byte(at: position))
            position &+= 1
        } else if position < end, let value = slowVarint() {
            length = value
        } else {
            throw varintError(what: "length of length-delimited field \(tag.number)", at: tag.offset)
        }
        let remaining = end &- position
        guard length <= UInt64(remaining) else {
            throw OTLPDecodeError("truncated length-delimited field \(tag.number) in \(message.name) at byte \(tag.offset): length \(length) but only \(remaining) bytes remain")
        }
        let start = position
        position &+= Int(truncatingIfNeeded: length)
        return start..<position
    }

    /// Decodes a multi-byte varint at `position`; nil (position unchanged) when it is truncated
    /// or longer than ten bytes. Bits beyond 64 are dropped, as other protobuf decoders do.
    private mutating func slowVarint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var offset = position
        while offset < end, shift < 70 {
            let byte = byte(at: offset)
            value |= UInt64(byte & 0x7F) &<< shift
            offset &+= 1
            if byte < 0x80 {
                position = offset
                return value
            }
            shift &+= 7
        }
        return nil
    }

    /// Why the varint at `position` could not be read.
    private func varintError(what: String, at offset: Int) -> OTLPDecodeError {
        var length = 0
        while position + length < end, length < 10, byte(at: position + length) >= 0x80 { length += 1 }
        if length >= 10 {
            return OTLPDecodeError("malformed \(what) (varint longer than 10 bytes) in \(message.name) at byte \(offset)")
        }
        return OTLPDecodeError("truncated \(what) in \(message.name) at byte \(offset)")
    }
}
