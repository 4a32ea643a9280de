/// String fields. Protobuf requires `string` fields to hold valid UTF-8, and govtop enforces it:
/// a payload with invalid UTF-8 in any string field is rejected with an error naming the field
/// and its byte offset, rather than silently repaired with U+FFFD. This matches swift-protobuf
/// and the other official runtimes, so a sender sees the same verdict from govtop as from a collector.
extension ProtoReader {
    @inline(__always)
    mutating func readString(_ tag: ProtoFieldTag) throws(OTLPDecodeError) -> String {
        let range = try readLengthDelimited(tag)
        return try string(in: range, tag)
    }

    /// Like `readString`, but a string that is already in `cache` (an identical byte sequence
    /// earlier in the payload) is shared instead of allocated again; a new one is charged to the
    /// cache's allowance.
    @inline(__always)
    mutating func readString(_ tag: ProtoFieldTag, cache: StringCache) throws(OTLPDecodeError) -> String {
        let range = try readLengthDelimited(tag)
        return try string(in: range, tag, cache: cache)
    }

    /// Like `readString(_:cache:)`, but first returns the shared instance for a well-known
    /// attribute key, so the hundreds of `gen_ai.usage.input_tokens` in a batch are one string.
    @inline(__always)
    mutating func readKey(_ tag: ProtoFieldTag, keys: WellKnownKeys, cache: StringCache) throws(OTLPDecodeError) -> String {
        let range = try readLengthDelimited(tag)
        if let known = keys.lookup(base + range.lowerBound, count: range.count) { return known }
        return try string(in: range, tag, cache: cache)
    }

    @inline(__always)
    private func string(in range: Range<Int>, _ tag: ProtoFieldTag, cache: StringCache) throws(OTLPDecodeError) -> String {
        guard range.count >= StringCache.minimumLength, range.count <= StringCache.maximumLength else {
            try cache.allowance.chargeString(range.count)
            return try string(in: range, tag)
        }
        return try cache.value(base: base, offset: range.lowerBound, count: range.count) { () throws(OTLPDecodeError) in
            try cache.allowance.chargeString(range.count)
            return try string(in: range, tag)
        }
    }

    @inline(__always)
    func string(in range: Range<Int>, _ tag: ProtoFieldTag) throws(OTLPDecodeError) -> String {
        if range.isEmpty { return "" }
        let bytes = UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
        guard UTF8Validation.isASCII(bytes) || UTF8Validation.isValid(bytes) else {
            throw OTLPDecodeError("invalid UTF-8 in string field \(tag.number) of \(message.name) at byte \(tag.offset)")
        }
        return bytes.withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }
    }
}
