/// Just enough protobuf encoding for the receiver's responses: varint and length-delimited fields.
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varintField(_ number: Int, _ value: UInt64) {
        varint(UInt64(number << 3))
        varint(value)
    }

    /// An `int32`/`int64` field: negative values take ten bytes, as protobuf specifies.
    mutating func intField(_ number: Int, _ value: Int64) {
        varintField(number, UInt64(bitPattern: value))
    }

    mutating func bytesField(_ number: Int, _ value: some Collection<UInt8>) {
        varint(UInt64(number << 3 | 2))
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func stringField(_ number: Int, _ value: String) {
        bytesField(number, value.utf8)
    }

    private mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
