/// A scanned, already validated JSON string: where its content lies in the input, and whether it
/// has escapes (only then does reading it need a second, unescaping pass).
struct JSONStringToken: Sendable {
    /// Offset of the opening quote, for error messages.
    var start: Int
    var contentStart: Int
    var contentEnd: Int
    var hasEscapes: Bool
}

extension JSONReader {
    /// Scans one string: checks that its content is valid UTF-8 without raw control characters,
    /// that every escape is one of RFC 8259's, and that `\u` surrogates come in proper pairs.
    mutating func scanString() throws(OTLPDecodeError) -> JSONStringToken {
        skipWhitespace()
        let start = offset
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw error("malformed JSON: expected a string, found \(describeByte(at: offset))")
        }
        offset += 1
        var hasEscapes = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return JSONStringToken(start: start, contentStart: start + 1, contentEnd: offset - 1, hasEscapes: hasEscapes)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                try scanEscape()
            } else if byte < 0x20 {
                throw error("malformed JSON: unescaped control character 0x\(String(byte, radix: 16, uppercase: true)) in a string")
            } else if byte < 0x80 {
                offset += 1
            } else {
                offset += try utf8SequenceLength(at: offset)
            }
        }
        throw error("malformed JSON: unterminated string starting", at: start)
    }

    private mutating func scanEscape() throws(OTLPDecodeError) {
        let escapeStart = offset
        guard offset + 1 < bytes.count else { throw error("malformed JSON: unterminated escape sequence") }
        switch bytes[offset + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            offset += 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: offset + 2)
            offset += 6
            if (0xDC00...0xDFFF).contains(unit) {
                throw error("malformed JSON: unpaired low surrogate \\u\(String(unit, radix: 16, uppercase: true)) in a string", at: escapeStart)
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u"),
                      (0xDC00...0xDFFF).contains(try hexUnit(at: offset + 2)) else {
                    throw error("malformed JSON: high surrogate \\u\(String(unit, radix: 16, uppercase: true)) not followed by a low surrogate", at: escapeStart)
                }
                offset += 6
            }
        default:
            throw error("malformed JSON: invalid escape sequence, '\\' followed by \(describeByte(at: offset + 1))")
        }
    }

    private func hexUnit(at position: Int) throws(OTLPDecodeError) -> UInt16 {
        guard position + 4 <= bytes.count else {
            throw error("malformed JSON: \\u escape needs four hex digits", at: position - 2)
        }
        var unit: UInt16 = 0
        for index in position..<(position + 4) {
            guard let nibble = HexCoding.nibble(bytes[index]) else {
                throw error("malformed JSON: \\u escape needs four hex digits", at: position - 2)
            }
            unit = unit << 4 | UInt16(nibble)
        }
        return unit
    }

    /// Length of the well-formed multi-byte UTF-8 sequence at `position` (Unicode table 3-7).
    private func utf8SequenceLength(at position: Int) throws(OTLPDecodeError) -> Int {
        if let length = UTF8Validation.sequenceLength(bytes, at: position) { return length }
        let lead = bytes[position]
        let problem = (0xC2...0xF4).contains(lead) ? "malformed sequence starting with" : "unexpected byte"
        throw error("invalid UTF-8: \(problem) 0x\(String(lead, radix: 16, uppercase: true))", at: position)
    }

    // MARK: Reading content

    func string(of token: JSONStringToken) -> String {
        withContent(of: token) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the string's UTF-8 content: the input bytes themselves when the string has
    /// no escapes, otherwise a decoded copy.
    func withContent<Result>(of token: JSONStringToken, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if !token.hasEscapes {
            return body(UnsafeRawBufferPointer(rebasing: bytes[token.contentStart..<token.contentEnd]))
        }
        let decoded = unescaped(token)
        return decoded.withUnsafeBytes(body)
    }

    /// The content with escapes resolved. Only called on tokens `scanString` validated.
    private func unescaped(_ token: JSONStringToken) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(token.contentEnd - token.contentStart)
        var index = token.contentStart
        while index < token.contentEnd {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < token.contentEnd else {
                result.append(byte)
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(hexValue(at: index))
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = UInt32(hexValue(at: index + 2))
                    index += 6
                    scalar = 0x10000 &+ ((scalar &- 0xD800) << 10) &+ (low &- 0xDC00)
                }
                appendUTF8(scalar, to: &result)
            default: result.append(escaped)
            }
        }
        return result
    }

    private func hexValue(at position: Int) -> UInt16 {
        var unit: UInt16 = 0
        for index in position..<min(position + 4, bytes.count) {
            unit = unit << 4 | UInt16(HexCoding.nibble(bytes[index]) ?? 0)
        }
        return unit
    }

    private func appendUTF8(_ scalar: UInt32, to result: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            result.append(UInt8(truncatingIfNeeded: scalar))
        case ..<0x800:
            result.append(0xC0 | UInt8(truncatingIfNeeded: scalar >> 6))
            result.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        case ..<0x10000:
            result.append(0xE0 | UInt8(truncatingIfNeeded: scalar >> 12))
            result.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            result.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        default:
            result.append(0xF0 | UInt8(truncatingIfNeeded: scalar >> 18))
            result.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F))
            result.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            result.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        }
    }
}
