/// Appends compact JSON to a byte buffer. Commas are placed by the writer: a key or an array element
/// is preceded by one unless it is the first in its container.
struct JSONWriter {
    private(set) var bytes: [UInt8]
    private var needsComma = false

    private static let hexDigits = Array("0123456789abcdef".utf8)

    init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// `"name":`; the key must be plain ASCII that needs no escaping (the OTLP field names are).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A JSON string, escaped by `JSONStringEscaping`.
    mutating func string(_ value: String) {
        separate()
        JSONStringEscaping.append(value, to: &bytes)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        let literal: StaticString = value ? "true" : "false"
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    mutating func number(_ value: UInt64) {
        separate()
        appendDecimal(value)
        needsComma = true
    }

    /// A 64-bit integer as a decimal string, as proto3 JSON writes `int64` and `fixed64`.
    mutating func quoted(_ value: UInt64) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendDecimal(value)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func quoted(_ value: Int64) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A finite double as the shortest JSON number that reads back to the same value; NaN and the
    /// infinities as the strings proto3 JSON uses for them.
    mutating func double(_ value: Double) {
        if value.isNaN { return string("NaN") }
        if value.isInfinite { return string(value < 0 ? "-Infinity" : "Infinity") }
        separate()
        bytes.append(contentsOf: value.description.utf8)
        needsComma = true
    }

    /// Lower-case hex digits of the value's 8 bytes in network order, without quotes.
    mutating func appendHex(_ value: UInt64) {
        for shift in stride(from: 60, through: 0, by: -4) {
            bytes.append(Self.hexDigits[Int((value >> UInt64(shift)) & 0xF)])
        }
    }

    /// A quoted id written by `body` with `appendHex`.
    mutating func quotedHex(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        body(&self)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Standard base64 with padding, as proto3 JSON writes `bytes`.
    mutating func base64(_ data: [UInt8]) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Base64.append(data, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func appendDecimal(_ value: UInt64) {
        var width = 1
        var rest = value / 10
        while rest > 0 {
            width += 1
            rest /= 10
        }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        var remaining = value
        var index = bytes.count - 1
        while remaining > 0 {
            bytes[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            index -= 1
        }
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
