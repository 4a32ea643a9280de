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

    /// Like `readString`, but returns the shared instance for a well-known attribute key, so the
    /// hundreds of `gen_ai.usage.input_tokens` in a batch do not each allocate a string.
    @inline(__always)
    mutating func readKey(_ tag: ProtoFieldTag, keys: WellKnownKeys) throws(OTLPDecodeError) -> String {
        let range = try readLengthDelimited(tag)
        if let known = keys.lookup(base + range.lowerBound, count: range.count) { return known }
        return try string(in: range, tag)
    }

    @inline(__always)
    func string(in range: Range<Int>, _ tag: ProtoFieldTag) throws(OTLPDecodeError) -> String {
        if range.isEmpty { return "" }
        let bytes = UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
        let decoded = bytes.withMemoryRebound(to: UInt8.self) { String(validating: $0, as: UTF8.self) }
        guard let decoded else {
            throw OTLPDecodeError("invalid UTF-8 in string field \(tag.number) of \(message.name) at byte \(tag.offset)")
        }
        return decoded
    }
}
