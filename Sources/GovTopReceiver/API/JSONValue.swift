import GovTopCore

/// A JSON document to be written. Object members keep their order, so responses are stable. Every
/// string written (values and keys) has its control characters replaced by U+FFFD, as
/// `ControlCharacters.replaced` does: text that came from spans, a database or another instance never
/// reaches a response, a notification or a terminal printing either as a control code or its escape.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    /// Written in the shortest form that reads back exactly; NaN and infinities become `null`.
    case double(Double)
    case string(String)
    /// One string of several lines joined by line feeds (a Slack message's second line): the line
    /// feeds between them are the only control characters the writer puts in a string.
    case lines([String])
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized == rhs.serialized
    }

    /// A string, or `null` when there is none.
    static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    package var serialized: [UInt8] {
        var writer = JSONWriter()
        writer.write(self)
        return writer.bytes
    }
}

/// Serializes `JSONValue`s as compact UTF-8 JSON, control characters in strings replaced.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): append(String(number))
        case .uint(let number): append(String(number))
        case .double(let number): append(number.isFinite ? String(number) : "null")
        case .string(let text): writeString(text)
        case .lines(let lines): JSONStringEscaping.appendLines(lines, to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.0)
                bytes.append(UInt8(ascii: ":"))
                write(member.1)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string, its control characters replaced and `"` and `\\` escaped by `JSONStringEscaping`.
    mutating func writeString(_ text: String) {
        JSONStringEscaping.append(text, to: &bytes, replacingControls: true)
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
