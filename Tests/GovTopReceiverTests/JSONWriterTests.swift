import Foundation
import GovTopCore
import Testing
@testable import GovTopReceiver

@Suite struct JSONWriterTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        // Control characters are replaced by U+FFFD, as `ControlCharacters.replaced` does; never escaped.
        ("line\nreturn\rtab\tbell\u{07}", "\"line\u{FFFD}return\u{FFFD}tab\u{FFFD}bell\u{FFFD}\""),
        ("\u{08}\u{0C}\u{00}\u{1F}", "\"\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\""),
        ("del\u{7F} c1 \u{80}\u{9B}\u{9F} not c1 \u{A0}\u{C2}", "\"del\u{FFFD} c1 \u{FFFD}\u{FFFD}\u{FFFD} not c1 \u{A0}\u{C2}\""),
        ("unicode ✓ 日本 🚀", "\"unicode ✓ 日本 🚀\""),
        ("</script>", #""</script>""#),
    ])
    func escapesStrings(input: String, expected: String) {
        #expect(String(decoding: JSONValue.string(input).serialized, as: UTF8.self) == expected)
    }

    @Test func everyStringReadsBackThroughJSONSerializationWithItsControlsReplaced() throws {
        let nasty = (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined() + "é\u{2028}𝄞"
        let bytes = JSONValue.array([.string(nasty)]).serialized
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
        #expect(parsed == [ControlCharacters.replaced(in: nasty)])
    }

    /// Every control character (C0, DEL, C1) in object keys and in values, nested: the bytes hold
    /// none of them, nor an escape of one (`\u00XX`, `\n`, …), and read back as `ControlCharacters.replaced` has them.
    @Test func noControlCharacterInAKeyOrAValueGetsOutNotEvenEscaped() throws {
        let controls = String(String.UnicodeScalarView((0..<0x100).compactMap(Unicode.Scalar.init)
            .filter(ControlCharacters.isControl)))
        #expect(controls.unicodeScalars.count == 65)
        let text = "a\(controls)b \"q\" \\ é"
        let value = JSONValue.object([
            (text, .string(text)),
            ("list", .array([.string(text), .object([(controls, .string(controls))])])),
        ])
        let bytes = value.serialized
        #expect(!bytes.contains { $0 < 0x20 || $0 == 0x7F })
        #expect(!zip(bytes, bytes.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) })
        // The only escapes left are those of `"` and `\`.
        var escapes: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                escapes.append(bytes[index + 1])
                index += 2
            } else {
                index += 1
            }
        }
        #expect(escapes.count == 9) // `"q"` and `\\` in each of the three copies of `text`
        #expect(escapes.allSatisfy { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }, "\(escapes)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let replaced = ControlCharacters.replaced(in: text)
        #expect(parsed[replaced] as? String == replaced)
        let list = try #require(parsed["list"] as? [Any])
        #expect(list.first as? String == replaced)
        #expect((list.last as? [String: String]) == [ControlCharacters.replaced(in: controls): ControlCharacters.replaced(in: controls)])
    }

    /// `.lines`: the line feeds between lines are the one control character written (as `\n`).
    @Test func linesAreJoinedByLineFeedsTheirOwnControlsReplaced() throws {
        let bytes = JSONValue.array([.lines(["one\u{1B}[2J", "two\n\u{9B}"])]).serialized
        #expect(String(decoding: bytes, as: UTF8.self) == "[\"one\u{FFFD}[2J\\ntwo\u{FFFD}\u{FFFD}\"]")
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
        #expect(parsed == ["one\u{FFFD}[2J\ntwo\u{FFFD}\u{FFFD}"])
    }

    @Test func writesNumbersBoolsNullAndNesting() {
        let value = JSONValue.object([
            ("int", .int(-42)), ("uint", .uint(UInt64.max)), ("double", .double(0.25)),
            ("integral", .double(3)), ("nan", .double(.nan)), ("inf", .double(-.infinity)),
            ("yes", .bool(true)), ("none", .null), ("list", .array([.int(1), .string("x"), .object([])])),
        ])
        let text = String(decoding: value.serialized, as: UTF8.self)
        #expect(text == #"{"int":-42,"uint":18446744073709551615,"double":0.25,"integral":3.0,"nan":null,"inf":null,"yes":true,"none":null,"list":[1,"x",{}]}"#)
    }

    @Test func smallAndLargeDoublesStayValidJSON() throws {
        for number in [1e-7, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 123456789.125] {
            let bytes = JSONValue.array([.double(number)]).serialized
            let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [Double]
            #expect(parsed == [number])
        }
    }
}
