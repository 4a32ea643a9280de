extension OTLPJSONNode {
    /// Parses an OTLP/JSON body (already accepted by the decoder) into a node, with every object key
    /// in lowerCamelCase (`log_records` becomes `logRecords`: OTLP/JSON's own spelling, which the
    /// Collector writes; OTLP keys are all field names, attribute keys are values and stay as sent).
    ///
    /// Nesting is bounded as the decoders bound it (`JSONReader.nestingLimit`), so the recursion is too.
    public static func parse(_ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> OTLPJSONNode {
        var reader = JSONReader(bytes, maxDepth: JSONReader.nestingLimit(for: limits))
        let node = try value(&reader)
        try reader.finish()
        return node
    }

    private static func value(_ reader: inout JSONReader) throws(OTLPDecodeError) -> OTLPJSONNode {
        switch try reader.peekKind() {
        case .object:
            try reader.beginObject()
            var members: [Member] = []
            while let key = try reader.nextKey() {
                members.append(Member(camelCase(reader.string(of: key)), try value(&reader)))
            }
            return .object(members)
        case .array:
            try reader.beginArray()
            var elements: [OTLPJSONNode] = []
            while try reader.nextElement() { elements.append(try value(&reader)) }
            return .array(elements)
        case .string:
            return .string(reader.string(of: try reader.scanString()))
        case .number:
            let token = try reader.readNumber()
            return .number(String(decoding: reader.text(of: token), as: UTF8.self))
        case .bool:
            return .bool(try reader.readBool())
        case .null:
            _ = try reader.consumeNull()
            return .null
        }
    }

    /// `snake_case` as `snakeCase`; a key without underscores is returned as it is.
    static func camelCase(_ key: String) -> String {
        guard key.contains("_") else { return key }
        var out = ""
        var upper = false
        for character in key {
            if character == "_" {
                upper = !out.isEmpty
                continue
            }
            out += upper ? character.uppercased() : String(character)
            upper = false
        }
        return out
    }
}
