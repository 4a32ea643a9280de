import GovTopCore

/// Why a colour string could not be read; `description` says what was wrong and what is accepted.
public struct ColorParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text that was given.
    public var input: String
    /// What is wrong with it.
    public var reason: String

    public init(input: String, reason: String) {
        self.input = input
        self.reason = reason
    }

    public var description: String {
        ControlCharacters.replaced(in: "invalid colour \"\(input)\": \(reason)") + "; use \"#rrggbb\", \"rgb(r,g,b)\" with 0–255, "
            + "\"color(0–255)\", a name (black, red, green, yellow, blue, magenta, cyan, white, "
            + "bright-black … bright-white, gray) or \"default\""
    }
}

extension Color {
    /// Reads "#1e90ff", "rgb(30, 144, 255)", "color(33)" (xterm index), a basic name ("red",
    /// "bright-blue"; "gray"/"grey" mean bright-black) or "default". Case and surrounding spaces
    /// are ignored; "_" and " " work like "-" in names.
    public init(parsing text: String) throws(ColorParseError) {
        let trimmed = String(text.unicodeScalars.drop(while: \.properties.isWhitespace)
            .reversed().drop(while: \.properties.isWhitespace).reversed().map(Character.init))
        let lower = trimmed.lowercased()
        if lower.isEmpty { throw ColorParseError(input: text, reason: "it is empty") }
        if lower == "default" {
            self = .default
        } else if lower.hasPrefix("#") {
            self = .rgb(try Color.parseHex(lower.dropFirst(), input: text))
        } else if lower.hasPrefix("rgb(") {
            let components = try Color.parseArguments(lower, prefix: "rgb(", count: 3, input: text)
            self = .rgb(components[0], components[1], components[2])
        } else if lower.hasPrefix("color(") {
            self = .indexed(try Color.parseArguments(lower, prefix: "color(", count: 1, input: text)[0])
        } else if let basic = Color.basicNames[String(lower.map { $0 == "_" || $0 == " " ? "-" : $0 })] {
            self = .basic(basic)
        } else {
            throw ColorParseError(input: text, reason: "it is not a known colour name or notation")
        }
    }

    private static let basicNames: [String: BasicColor] = {
        var names = Dictionary(uniqueKeysWithValues: BasicColor.allCases.map { ($0.name, $0) })
        names["gray"] = .brightBlack
        names["grey"] = .brightBlack
        return names
    }()

    private static func parseHex(_ digits: Substring, input: String) throws(ColorParseError) -> RGB {
        guard digits.count == 6 else {
            throw ColorParseError(input: input, reason: "\"#\" must be followed by exactly 6 hex digits, found \(digits.count)")
        }
        guard digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
            throw ColorParseError(input: input, reason: "\"#\(digits)\" contains a character that is not a hex digit")
        }
        return RGB(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }

    private static func parseArguments(_ lower: String, prefix: String, count: Int, input: String) throws(ColorParseError) -> [UInt8] {
        guard lower.hasSuffix(")") else {
            throw ColorParseError(input: input, reason: "missing closing \")\"")
        }
        let inner = lower.dropFirst(prefix.count).dropLast()
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == count else {
            throw ColorParseError(input: input, reason: "\(prefix)…) takes \(count) number\(count == 1 ? "" : "s"), found \(parts.count)")
        }
        var values: [UInt8] = []
        for part in parts {
            let number = part.filter { $0 != " " }
            guard !number.isEmpty, number.count <= 3, number.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(number), (0...255).contains(value) else {
                throw ColorParseError(input: input, reason: "\"\(number)\" is not a whole number from 0 to 255")
            }
            values.append(UInt8(value))
        }
        return values
    }
}
