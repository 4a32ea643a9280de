/// A JSON value with its members in order and numbers kept as their text: what govtop's recorder
/// builds for a metrics or logs export (from protobuf by `OTLPProtobufTranscoder`, from JSON by
/// `OTLPJSONNode.parse`) before it masks what the redact rules match and writes it as one line.
public indirect enum OTLPJSONNode: Sendable, Hashable {
    case object([Member])
    case array([OTLPJSONNode])
    case string(String)
    /// A JSON number, as its text (already valid JSON number grammar).
    case number(String)
    case bool(Bool)
    case null

    /// One member of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: OTLPJSONNode

        public init(_ key: String, _ value: OTLPJSONNode) {
            self.key = key
            self.value = value
        }
    }

    /// The value of the first member named `key`, when this is an object.
    public subscript(key: String) -> OTLPJSONNode? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Compact JSON: no whitespace, so never a line break (strings escape theirs, and control
    /// characters, by `JSONStringEscaping`).
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return bytes
    }

    /// Recursion follows the value's nesting, which the parser and the transcoder bound.
    private func append(to bytes: inout [UInt8]) {
        switch self {
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONStringEscaping.append(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.value.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                element.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .string(let text):
            JSONStringEscaping.append(text, to: &bytes)
        case .number(let text):
            bytes.append(contentsOf: text.utf8)
        case .bool(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null:
            bytes.append(contentsOf: "null".utf8)
        }
    }
}
