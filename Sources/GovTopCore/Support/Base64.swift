/// Standard base64 with padding (RFC 4648 §4), as OTLP/JSON writes `bytes` values and OSC 52
/// carries clipboard text. One encoder for the API, the OTLP/JSON encoder and the terminal.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        append(bytes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the encoding of `bytes` to `output` (no quotes, no separators).
    public static func append(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + (bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = second == nil ? nil : iterator.next()
            let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            let digits = third != nil ? 4 : second != nil ? 3 : 2
            for position in 0..<4 {
                output.append(position < digits ? alphabet[Int(group >> UInt32(18 - position * 6) & 0x3F)] : UInt8(ascii: "="))
            }
        }
    }
}
