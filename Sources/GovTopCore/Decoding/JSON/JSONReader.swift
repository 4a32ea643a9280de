/// What the next JSON value is, judged from its first byte.
enum JSONValueKind: Sendable {
    case object, array, string, number, bool, null

    var article: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A strict RFC 8259 pull parser over UTF-8 bytes.
///
/// The caller drives it: `beginObject()` then `nextKey()` until nil, `beginArray()` then
/// `nextElement()` until false, scalars with `scanString()`, `readNumber()`, … Numbers are handed
/// out as text, so the caller converts them once it knows the field's type (int64 and uint64 stay
/// exact). Containers nest at most `maxDepth` deep; `skipValue()` is iterative, so hostile nesting
/// ends in an `OTLPDecodeError`, never in a stack overflow. Every error names the byte offset and
/// the line and column.
///
/// The reader borrows `bytes`: it must not outlive the buffer it was made from.
struct JSONReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int
    private(set) var depth = 0
    let maxDepth: Int
    /// True right after `{` or `[`: the next member must not be preceded by a comma.
    private var atContainerStart = false

    init(_ bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        // RFC 8259 §8.1 lets a parser ignore a byte order mark.
        offset = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// The JSON nesting bound for OTLP payloads: deep enough for the fixed OTLP message nesting
    /// plus `maxValueDepth` levels of `AnyValue` (up to four JSON levels each), capped so that a
    /// generous limit cannot exhaust a thread's stack.
    static func nestingLimit(for limits: DecodeLimits) -> Int {
        let wanted = 24 + 4 * (max(limits.maxValueDepth, 0) + 1)
        return min(wanted, 1024)
    }

    // MARK: Errors

    func error(_ message: String, at position: Int? = nil) -> OTLPDecodeError {
        OTLPDecodeError(message + " at " + JSONPosition.describe(bytes, offset: position ?? offset))
    }

    func describeByte(at position: Int) -> String {
        guard position < bytes.count else { return "end of input" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "'" + String(UnicodeScalar(byte)) + "'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Whitespace and peeking

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// The kind of the next value, after skipping whitespace. Throws when no value starts here.
    mutating func peekKind() throws(OTLPDecodeError) -> JSONValueKind {
        skipWhitespace()
        guard offset < bytes.count else { throw error("malformed JSON: expected a value, found end of input") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw error("malformed JSON: expected a value, found \(describeByte(at: offset))")
        }
    }

    /// Consumes `null` when it is next; true if it did. JSON null stands for an absent field.
    mutating func consumeNull() throws(OTLPDecodeError) -> Bool {
        guard try peekKind() == .null else { return false }
        try expectLiteral("null")
        return true
    }

    mutating func readBool() throws(OTLPDecodeError) -> Bool {
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "t") {
            try expectLiteral("true")
            return true
        }
        try expectLiteral("false")
        return false
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(OTLPDecodeError) {
        let start = offset
        let count = literal.utf8CodeUnitCount
        var matches = offset + count <= bytes.count
        if matches {
            let pointer = literal.utf8Start
            for index in 0..<count where bytes[offset + index] != pointer[index] {
                matches = false
                break
            }
        }
        guard matches else {
            throw error("malformed JSON: invalid literal, expected '\(literal)'", at: start)
        }
        offset += count
    }

    // MARK: Containers

    mutating func beginObject() throws(OTLPDecodeError) {
        try beginContainer(UInt8(ascii: "{"))
    }

    mutating func beginArray() throws(OTLPDecodeError) {
        try beginContainer(UInt8(ascii: "["))
    }

    private mutating func beginContainer(_ opener: UInt8) throws(OTLPDecodeError) {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == opener else {
            throw error("malformed JSON: expected '\(String(UnicodeScalar(opener)))', found \(describeByte(at: offset))")
        }
        guard depth < maxDepth else {
            throw error("JSON nesting deeper than \(maxDepth) levels")
        }
        depth += 1
        offset += 1
        atContainerStart = true
    }

    /// The next member's key (its `:` consumed), or nil after the closing `}`.
    mutating func nextKey() throws(OTLPDecodeError) -> JSONStringToken? {
        skipWhitespace()
        guard offset < bytes.count else {
            throw error("malformed JSON: unterminated object, found end of input")
        }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            atContainerStart = false
            return nil
        }
        if !atContainerStart {
            guard byte == UInt8(ascii: ",") else {
                throw error("malformed JSON: expected ',' or '}' after an object member, found \(describeByte(at: offset))")
            }
            offset += 1
            skipWhitespace()
            if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") {
                throw error("malformed JSON: trailing comma before '}'")
            }
        }
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw error("malformed JSON: expected a quoted object key, found \(describeByte(at: offset))")
        }
        let key = try scanString()
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
            throw error("malformed JSON: expected ':' after an object key, found \(describeByte(at: offset))")
        }
        offset += 1
        atContainerStart = false
        return key
    }

    /// True when another array element follows (its comma consumed); false after the closing `]`.
    mutating func nextElement() throws(OTLPDecodeError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else {
            throw error("malformed JSON: unterminated array, found end of input")
        }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            atContainerStart = false
            return false
        }
        if !atContainerStart {
            guard byte == UInt8(ascii: ",") else {
                throw error("malformed JSON: expected ',' or ']' after an array element, found \(describeByte(at: offset))")
            }
            offset += 1
            skipWhitespace()
            if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") {
                throw error("malformed JSON: trailing comma before ']'")
            }
        }
        atContainerStart = false
        return true
    }

    // MARK: Whole values

    /// Validates and skips one value of any kind, without recursion.
    mutating func skipValue() throws(OTLPDecodeError) {
        var openObjects: [Bool] = []
        while true {
            switch try peekKind() {
            case .object:
                try beginObject()
                openObjects.append(true)
            case .array:
                try beginArray()
                openObjects.append(false)
            case .string: _ = try scanString()
            case .number: _ = try readNumber()
            case .bool: _ = try readBool()
            case .null: try expectLiteral("null")
            }
            while let isObject = openObjects.last {
                let more = isObject ? try nextKey() != nil : try nextElement()
                if more { break }
                openObjects.removeLast()
            }
            if openObjects.isEmpty { return }
        }
    }

    /// Checks that nothing but whitespace follows the top-level value.
    mutating func finish() throws(OTLPDecodeError) {
        skipWhitespace()
        guard offset == bytes.count else {
            throw error("malformed JSON: unexpected \(describeByte(at: offset)) after the end of the top-level value")
        }
    }
}
