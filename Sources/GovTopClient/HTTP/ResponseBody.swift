import GovTopCore

/// Reads what an OTLP/HTTP server says in a response body: the partial success of an
/// `ExportTraceServiceResponse` and the message of a `google.rpc.Status`, in protobuf or JSON,
/// or plain text. Only top-level fields are read, with every length checked; anything that does
/// not parse gives empty values rather than an error.
package enum ResponseBody {
    /// Longest message kept from a response, in characters.
    static let maxMessageLength = 300

    /// `partial_success` (field 1) → `rejected_spans` / `rejected_data_points` /
    /// `rejected_log_records` (1, whichever signal) and `error_message` (2).
    static func partialSuccess(_ body: [UInt8], contentType: String) -> (rejected: Int, message: String) {
        if contentType.contains("json") {
            let text = String(decoding: body, as: UTF8.self)
            let keys = ["rejectedSpans", "rejected_spans", "rejectedDataPoints", "rejected_data_points",
                        "rejectedLogRecords", "rejected_log_records"]
            let rejected = keys.lazy.compactMap { jsonNumber(after: "\"\($0)\"", in: text) }.first ?? 0
            let message = jsonString(after: "\"errorMessage\"", in: text) ?? jsonString(after: "\"error_message\"", in: text) ?? ""
            return (rejected, clipped(message))
        }
        guard let partial = lengthDelimited(field: 1, in: body[...]) else { return (0, "") }
        let rejected = varint(field: 1, in: partial).map { Int(truncatingIfNeeded: $0) } ?? 0
        let message = lengthDelimited(field: 2, in: partial).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (max(0, rejected), clipped(message))
    }

    /// The message of a failure response: `google.rpc.Status.message` (field 2) or the JSON
    /// `message`/`error`, else the body as text.
    package static func failureMessage(_ body: [UInt8], contentType: String) -> String {
        if contentType.contains("protobuf") {
            return clipped(lengthDelimited(field: 2, in: body[...]).map { String(decoding: $0, as: UTF8.self) } ?? "")
        }
        let text = String(decoding: body, as: UTF8.self)
        if contentType.contains("json"), let message = jsonString(after: "\"message\"", in: text) ?? jsonString(after: "\"error\"", in: text) {
            return clipped(message)
        }
        return clipped(text)
    }

    /// Printable, on one line, at most `maxMessageLength` characters.
    static func clipped(_ text: String) -> String {
        var out = ""
        for character in text.prefix(maxMessageLength) {
            out.append(character.isNewline || character.unicodeScalars.contains(where: ControlCharacters.isControl) ? " " : character)
        }
        if text.count > maxMessageLength { out += "…" }
        return out.trimmingWhitespace()
    }

    // MARK: protobuf

    /// The first varint of `field` at the top level of `message`.
    static func varint(field: Int, in message: ArraySlice<UInt8>) -> UInt64? {
        var found: UInt64?
        scan(message) { number, wireType, value, _ in
            if number == field, wireType == 0 { found = value; return false }
            return true
        }
        return found
    }

    /// The first length-delimited `field` at the top level of `message`.
    static func lengthDelimited(field: Int, in message: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var found: ArraySlice<UInt8>?
        scan(message) { number, wireType, _, payload in
            if number == field, wireType == 2 { found = payload; return false }
            return true
        }
        return found
    }

    /// Calls `visit(field, wireType, varintValue, payload)` per field until it returns false or the
    /// bytes stop making sense.
    private static func scan(_ bytes: ArraySlice<UInt8>, _ visit: (Int, UInt8, UInt64, ArraySlice<UInt8>) -> Bool) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let key = readVarint(bytes, &index) else { return }
            let wireType = UInt8(key & 7)
            let number = Int(truncatingIfNeeded: key >> 3)
            switch wireType {
            case 0:
                guard let value = readVarint(bytes, &index) else { return }
                if !visit(number, 0, value, []) { return }
            case 1, 5:
                let size = wireType == 1 ? 8 : 4
                guard bytes.endIndex - index >= size else { return }
                index += size
            case 2:
                guard let length = readVarint(bytes, &index), length <= UInt64(bytes.endIndex - index) else { return }
                let end = index + Int(length)
                if !visit(number, 2, 0, bytes[index..<end]) { return }
                index = end
            default:
                return
            }
        }
    }

    private static func readVarint(_ bytes: ArraySlice<UInt8>, _ index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.endIndex, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    // MARK: JSON (just enough for the few fields above)

    private static func jsonNumber(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        var rest = text[range.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\"" }
        rest = rest.prefix { $0.isASCII && $0.isNumber }
        return Int(rest)
    }

    private static func jsonString(after key: String, in text: String) -> String? {
        guard let range = text.range(of: key) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == ":" }
        guard rest.first == "\"" else { return nil }
        var out = ""
        var escaped = false
        for character in rest.dropFirst() {
            if escaped {
                out.append(character == "n" ? " " : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return out
            } else {
                out.append(character)
            }
        }
        return out
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
