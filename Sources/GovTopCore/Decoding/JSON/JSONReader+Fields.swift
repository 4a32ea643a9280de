/// Reading one OTLP field value with the proto3 JSON rules for its type. `field` and `message`
/// only name the place in error messages (e.g. "field 'kind' of Span").
extension JSONReader {
    func wrongType(_ field: String, of message: String, want: String, found kind: JSONValueKind) -> OTLPDecodeError {
        error("field '\(field)' of \(message) must be \(want), found \(kind.article)")
    }

    /// A string, charged to `allowance` (by its escaped length, which bounds the content's) before
    /// it is made.
    mutating func readStringField(_ field: String, of message: String, allowance: DecodeAllowance) throws(OTLPDecodeError) -> String {
        let kind = try peekKind()
        guard kind == .string else { throw wrongType(field, of: message, want: "a string", found: kind) }
        let token = try scanString()
        try allowance.chargeString(token.contentEnd - token.contentStart)
        return string(of: token)
    }

    mutating func readBoolField(_ field: String, of message: String) throws(OTLPDecodeError) -> Bool {
        let kind = try peekKind()
        guard kind == .bool else { throw wrongType(field, of: message, want: "true or false", found: kind) }
        return try readBool()
    }

    /// An integer given as a JSON number or as a string holding one (proto3 JSON writes 64-bit
    /// integers as decimal strings and accepts either form for every integer type).
    private mutating func readInteger(_ field: String, of message: String) throws(OTLPDecodeError)
        -> (negative: Bool, magnitude: UInt64, start: Int) {
        let kind = try peekKind()
        let start = offset
        let result: JSONNumberText.IntegerResult
        switch kind {
        case .number:
            result = JSONNumberText.integer(text(of: try readNumber()))
        case .string:
            let token = try scanString()
            result = withContent(of: token) { JSONNumberText.integer($0) }
        default:
            throw wrongType(field, of: message, want: "an integer (number or decimal string)", found: kind)
        }
        switch result {
        case .value(let negative, let magnitude):
            return (negative, magnitude, start)
        case .notAnInteger:
            throw error("field '\(field)' of \(message) must be an integer, found a fraction", at: start)
        case .outOfRange:
            throw error("field '\(field)' of \(message) is out of range", at: start)
        case .malformed:
            throw error("field '\(field)' of \(message) must be an integer, found a string that is not a number", at: start)
        }
    }

    mutating func readUInt64Field(_ field: String, of message: String) throws(OTLPDecodeError) -> UInt64 {
        let value = try readInteger(field, of: message)
        guard !value.negative || value.magnitude == 0 else {
            throw error("field '\(field)' of \(message) must not be negative", at: value.start)
        }
        return value.magnitude
    }

    mutating func readUInt32Field(_ field: String, of message: String) throws(OTLPDecodeError) -> UInt32 {
        let start = offset
        let value = try readUInt64Field(field, of: message)
        guard let narrow = UInt32(exactly: value) else {
            throw error("field '\(field)' of \(message) is out of range for a 32-bit unsigned integer", at: start)
        }
        return narrow
    }

    mutating func readInt64Field(_ field: String, of message: String) throws(OTLPDecodeError) -> Int64 {
        let value = try readInteger(field, of: message)
        if value.negative {
            guard value.magnitude <= UInt64(Int64.max) + 1 else {
                throw error("field '\(field)' of \(message) is out of range for a 64-bit integer", at: value.start)
            }
            return value.magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(value.magnitude)
        }
        guard let positive = Int64(exactly: value.magnitude) else {
            throw error("field '\(field)' of \(message) is out of range for a 64-bit integer", at: value.start)
        }
        return positive
    }

    /// A double as a JSON number, a numeric string, or one of the strings "NaN", "Infinity",
    /// "-Infinity" that proto3 JSON uses for the values JSON numbers cannot spell.
    mutating func readDoubleField(_ field: String, of message: String) throws(OTLPDecodeError) -> Double {
        let kind = try peekKind()
        let start = offset
        switch kind {
        case .number:
            guard let value = JSONNumberText.double(text(of: try readNumber())) else {
                throw error("field '\(field)' of \(message) is out of range for a double", at: start)
            }
            return value
        case .string:
            let token = try scanString()
            let value: Double? = withContent(of: token) { content in
                switch String(decoding: content, as: UTF8.self) {
                case "NaN": .nan
                case "Infinity": .infinity
                case "-Infinity": -.infinity
                default: JSONNumberText.double(content)
                }
            }
            guard let value else {
                throw error("field '\(field)' of \(message) must be a number, \"NaN\", \"Infinity\" or \"-Infinity\"", at: start)
            }
            return value
        default:
            throw wrongType(field, of: message, want: "a number", found: kind)
        }
    }

    /// An enum as its number (what OTLP/JSON requires), its proto name (what proto3 JSON also
    /// allows) or its number in a string. Unknown numbers and names both map to the enum's zero
    /// value, as newer senders may use values this version does not know.
    mutating func readEnumField(_ field: String, of message: String, names: [String]) throws(OTLPDecodeError) -> Int {
        let kind = try peekKind()
        if kind == .string {
            let token = try scanString()
            let name = string(of: token)
            if let index = names.firstIndex(of: name) { return index }
            let number = withContent(of: token) { JSONNumberText.integer($0) }
            guard case .value(false, let magnitude) = number, magnitude <= UInt64(Int32.max) else { return 0 }
            return Int(magnitude)
        }
        guard kind == .number else {
            throw wrongType(field, of: message, want: "an integer or an enum name", found: kind)
        }
        let value = try readInteger(field, of: message)
        guard !value.negative, value.magnitude <= UInt64(Int32.max) else { return 0 }
        return Int(value.magnitude)
    }

    /// Base64 (standard or URL-safe, padded or not), as proto3 JSON writes `bytes` fields; the
    /// decoded bytes are charged to `allowance` before they are made.
    mutating func readBytesField(_ field: String, of message: String, allowance: DecodeAllowance) throws(OTLPDecodeError) -> [UInt8] {
        let kind = try peekKind()
        guard kind == .string else { throw wrongType(field, of: message, want: "a base64 string", found: kind) }
        let start = offset
        let token = try scanString()
        if token.contentEnd > token.contentStart {
            try allowance.charge((token.contentEnd - token.contentStart) / 4 * 3 + 3 + DecodeCost.blockHeader)
        }
        guard let decoded = withContent(of: token, { JSONBase64.decode($0) }) else {
            throw error("field '\(field)' of \(message) is not valid base64", at: start)
        }
        return decoded
    }

    /// A trace or span id: the string's content, to be checked by `OTLPJSONIDs`. A value that is
    /// not a string at all fails the payload; a string of the wrong length fails only its span.
    mutating func readIDField(_ field: String, of message: String) throws(OTLPDecodeError) -> JSONStringToken {
        let kind = try peekKind()
        guard kind == .string else { throw wrongType(field, of: message, want: "a hex string", found: kind) }
        return try scanString()
    }

    /// Reads an object's members, skipping unknown keys and keys whose value is null.
    /// `member` is called with each known field, positioned at its value, and must consume it.
    mutating func readObject<Field>(_ message: String, table: JSONFieldTable<Field>,
                                    _ member: (inout JSONReader, Field) throws(OTLPDecodeError) -> Void) throws(OTLPDecodeError) {
        let kind = try peekKind()
        guard kind == .object else {
            throw error("\(message) must be a JSON object, found \(kind.article)")
        }
        try beginObject()
        while let key = try nextKey() {
            guard let field = table.field(for: key, in: self) else {
                try skipValue()
                continue
            }
            if try consumeNull() { continue }
            try member(&self, field)
        }
    }

    /// Reads an array field's elements; a null element is skipped. Returns how many were null,
    /// so that the caller can count what it dropped.
    @discardableResult
    mutating func readArray(_ field: String, of message: String,
                            _ element: (inout JSONReader) throws(OTLPDecodeError) -> Void) throws(OTLPDecodeError) -> Int {
        let kind = try peekKind()
        guard kind == .array else { throw wrongType(field, of: message, want: "an array", found: kind) }
        try beginArray()
        var nulls = 0
        while try nextElement() {
            if try consumeNull() {
                nulls += 1
                continue
            }
            try element(&self)
        }
        return nulls
    }
}
