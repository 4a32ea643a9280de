/// Writes a JSON string literal: `"`, `\` and every control character escaped — C0 as JSON requires,
/// and DEL and C1 as well, which JSON allows raw but which a terminal printing the response would
/// execute. Everything else is copied as UTF-8. The one JSON string writer of govtop (the OTLP/JSON
/// encoder and the API both use it).
///
/// The API's writer asks for control characters to be *replaced* instead (`replacingControls`): each
/// becomes U+FFFD, exactly as `ControlCharacters.replaced` does, in the same single pass over the
/// bytes (nothing is copied unless a control character is there), so no renderer has to remember it.
package enum JSONStringEscaping {
    private static let hexDigits = Array("0123456789abcdef".utf8)
    /// U+FFFD in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    package static func append(_ value: String, to bytes: inout [UInt8], replacingControls: Bool = false) {
        bytes.append(UInt8(ascii: "\""))
        appendContent(value, to: &bytes, replacingControls: replacingControls)
        bytes.append(UInt8(ascii: "\""))
    }

    /// One JSON string of `lines` joined by line feeds (written `\n`, the one control character put
    /// there on purpose), each line's own control characters replaced.
    package static func appendLines(_ lines: [String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for (index, line) in lines.enumerated() {
            if index > 0 { appendEscape(0x0A, to: &bytes) }
            appendContent(line, to: &bytes, replacingControls: true)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The string's content without its quotes.
    private static func appendContent(_ value: String, to bytes: inout [UInt8], replacingControls: Bool) {
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                // C1 controls U+0080–U+009F are encoded as C2 80 … C2 9F.
                let isC1 = byte == 0xC2 && index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1])
                guard byte < 0x20 || byte == 0x7F || isC1 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                let isQuoteOrBackslash = byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                if replacingControls, !isQuoteOrBackslash {
                    bytes.append(contentsOf: replacement)
                    index += isC1 ? 2 : 1
                } else if isC1 {
                    appendUnicodeEscape(utf8[index + 1], to: &bytes)
                    index += 2
                } else {
                    appendEscape(byte, to: &bytes)
                    index += 1
                }
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
    }

    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
        case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default: appendUnicodeEscape(byte, to: &bytes)
        }
    }

    /// `\u00XX` for a code point below U+0100.
    private static func appendUnicodeEscape(_ codePoint: UInt8, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                  hexDigits[Int(codePoint >> 4)], hexDigits[Int(codePoint & 0xF)]])
    }
}
