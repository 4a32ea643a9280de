/// A scanned JSON number, still as text: converted only once the field's type is known.
struct JSONNumberToken: Sendable {
    var start: Int
    var end: Int
}

extension JSONReader {
    /// Scans one number per RFC 8259's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func readNumber() throws(OTLPDecodeError) -> JSONNumberToken {
        skipWhitespace()
        let start = offset
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else {
            throw error("malformed JSON: expected a digit in number, found \(describeByte(at: offset))")
        }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count && isDigit(bytes[offset]) {
                throw error("malformed JSON: leading zero in number", at: start)
            }
        } else {
            skipDigits()
        }
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else {
                throw error("malformed JSON: expected a digit after '.' in number, found \(describeByte(at: offset))")
            }
            skipDigits()
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            offset += 1
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) { offset += 1 }
            guard offset < bytes.count, isDigit(bytes[offset]) else {
                throw error("malformed JSON: expected a digit in exponent, found \(describeByte(at: offset))")
            }
            skipDigits()
        }
        return JSONNumberToken(start: start, end: offset)
    }

    private mutating func skipDigits() {
        while offset < bytes.count && isDigit(bytes[offset]) { offset += 1 }
    }

    func text(of number: JSONNumberToken) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[number.start..<number.end])
    }
}

@inline(__always)
func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

/// Exact conversions of JSON number text (from a number token or from the content of a string,
/// as proto3 JSON allows for 64-bit integers) to the field's type.
enum JSONNumberText {
    enum IntegerResult: Equatable {
        case value(negative: Bool, magnitude: UInt64)
        case notAnInteger
        case outOfRange
        case malformed
    }

    /// Parses `text` as a JSON number whose value must be an integer (so `1e3` and `2.0` are
    /// integers, `1.5` is not), exactly, without going through `Double`.
    static func integer(_ text: UnsafeRawBufferPointer) -> IntegerResult {
        var index = 0
        let count = text.count
        let negative = count > 0 && text[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        let intStart = index
        while index < count && isDigit(text[index]) { index += 1 }
        let intCount = index - intStart
        guard intCount > 0, !(intCount > 1 && text[intStart] == UInt8(ascii: "0")) else { return .malformed }
        var fracStart = index
        var fracCount = 0
        if index < count && text[index] == UInt8(ascii: ".") {
            index += 1
            fracStart = index
            while index < count && isDigit(text[index]) { index += 1 }
            fracCount = index - fracStart
            guard fracCount > 0 else { return .malformed }
        }
        var exponent = 0
        if index < count && (text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < count && (text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-")) {
                exponentNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            while index < count && isDigit(text[index]) {
                exponent = min(exponent * 10 + Int(text[index] - UInt8(ascii: "0")), 1_000_000_000)
                index += 1
            }
            guard index > exponentStart else { return .malformed }
            if exponentNegative { exponent = -exponent }
        }
        guard index == count else { return .malformed }

        let total = intCount + fracCount
        func digit(_ position: Int) -> UInt8 {
            let byte = position < intCount ? text[intStart + position] : text[fracStart + position - intCount]
            return byte - UInt8(ascii: "0")
        }
        var first = 0
        while first < total && digit(first) == 0 { first += 1 }
        guard first < total else { return .value(negative: negative, magnitude: 0) }
        var last = total - 1
        while digit(last) == 0 { last -= 1 }
        let scale = exponent - fracCount + (total - 1 - last)
        guard scale >= 0 else { return .notAnInteger }
        guard last - first + 1 + scale <= 20 else { return .outOfRange }
        var magnitude: UInt64 = 0
        for position in first...last {
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = shifted.addingReportingOverflow(UInt64(digit(position)))
            guard !overflow1, !overflow2 else { return .outOfRange }
            magnitude = added
        }
        for _ in 0..<scale {
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return .outOfRange }
            magnitude = shifted
        }
        return .value(negative: negative, magnitude: magnitude)
    }

    /// A finite double from JSON number text; nil when the text is not a JSON number or its value
    /// overflows a double.
    static func double(_ text: UnsafeRawBufferPointer) -> Double? {
        guard isNumberGrammar(text) else { return nil }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// True when `text` is exactly one JSON number.
    static func isNumberGrammar(_ text: UnsafeRawBufferPointer) -> Bool {
        switch integer(text) {
        case .malformed: false
        default: true
        }
    }
}
