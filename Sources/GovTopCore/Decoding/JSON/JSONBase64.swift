/// Decodes the base64 that proto3 JSON uses for `bytes` fields: the standard and the URL-safe
/// alphabets (RFC 4648 §4 and §5, even mixed), with or without `=` padding.
enum JSONBase64 {
    /// The decoded bytes, or nil when `text` is not base64.
    static func decode(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        var length = text.count
        var padding = 0
        while length > 0 && text[length - 1] == UInt8(ascii: "=") && padding < 2 {
            length -= 1
            padding += 1
        }
        if padding > 0 && text.count % 4 != 0 { return nil }
        if length % 4 == 1 { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(length / 4 * 3 + 2)
        var accumulator: UInt32 = 0
        var bits = 0
        for index in 0..<length {
            guard let sextet = value(of: text[index]) else { return nil }
            accumulator = accumulator << 6 | UInt32(sextet)
            bits += 6
            if bits >= 8 {
                bits -= 8
                result.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return result
    }

    private static func value(of char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): char - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): char - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
