/// The JSON keys of one OTLP message and the field each stands for.
///
/// Every field is found under its lowerCamelCase JSON name (what OTLP/JSON requires) and under
/// its original proto name in snake_case (what protobuf JSON parsers also accept, and what some
/// hand-written senders emit). Keys not in the table are unknown fields, to be skipped.
struct JSONFieldTable<Field: Sendable>: Sendable {
    private struct Entry: Sendable {
        var name: [UInt8]
        var field: Field
    }

    private let entries: [Entry]

    /// `fields` pairs each lowerCamelCase name with its field; the snake_case names are derived.
    init(_ fields: KeyValuePairs<String, Field>) {
        var entries: [Entry] = []
        for (camel, field) in fields {
            entries.append(Entry(name: Array(camel.utf8), field: field))
            let snake = Self.snakeCase(camel)
            if snake != camel { entries.append(Entry(name: Array(snake.utf8), field: field)) }
        }
        self.entries = entries
    }

    static func snakeCase(_ camel: String) -> String {
        var result = ""
        for char in camel {
            if char.isUppercase {
                result.append("_")
                result.append(contentsOf: char.lowercased())
            } else {
                result.append(char)
            }
        }
        return result
    }

    /// The field the key names, or nil for an unknown key.
    func field(for key: JSONStringToken, in reader: JSONReader) -> Field? {
        reader.withContent(of: key) { content in
            for entry in entries where entry.name.count == content.count {
                let equal = entry.name.withUnsafeBytes { name in
                    name.elementsEqual(content)
                }
                if equal { return entry.field }
            }
            return nil
        }
    }
}
