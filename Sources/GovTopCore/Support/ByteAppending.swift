/// The two encodings govtop's byte writers share: protobuf varints and little-endian integers
/// (the OTLP/protobuf encoder and the stored span payload).
extension Array where Element == UInt8 {
    /// Appends `value` as a base-128 varint, least significant group first.
    mutating func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        append(UInt8(value))
    }

    /// Appends the low `byteCount` bytes of `value`, least significant first.
    mutating func appendLittleEndian(_ value: UInt64, byteCount: Int = 8) {
        for shift in 0..<byteCount {
            append(UInt8(truncatingIfNeeded: value >> UInt64(shift * 8)))
        }
    }
}
