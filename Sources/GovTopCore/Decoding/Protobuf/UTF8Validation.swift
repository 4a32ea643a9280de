/// Strict UTF-8 validation over raw bytes (the well-formed sequences of Unicode table 3-7:
/// no overlong forms, no surrogates, nothing above U+10FFFF).
///
/// The decoder validates itself and then builds the string with `String(decoding:as:)`, because
/// the generic `String(validating:as:)` instantiates type metadata on every call, which cost
/// more than the validation itself in the benchmark.
enum UTF8Validation {
    @inline(__always)
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let count = bytes.count
        var offset = 0
        var bits: UInt64 = 0
        while offset + 8 <= count {
            bits |= start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < count {
            bits |= UInt64(start.load(fromByteOffset: offset, as: UInt8.self))
            offset += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            guard let length = sequenceLength(bytes, at: index) else { return false }
            index += length
        }
        return true
    }

    /// The length of the well-formed multi-byte sequence whose lead byte is at `index`, or nil
    /// when the bytes there are not one.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return nil }
        var continuation = index + 2
        while continuation < index + length {
            guard bytes[continuation] & 0xC0 == 0x80 else { return nil }
            continuation += 1
        }
        return length
    }
}
