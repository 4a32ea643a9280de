@testable import GovTopCore
import Testing

@Suite struct JSONStringEscapingTests {
    private func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONStringEscaping.append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("q\"b\\", #""q\"b\\""#),
        ("\u{0}\u{7}\u{1B}[2J", #""\u0000\u0007\u001b[2J""#),
        ("del\u{7F}", #""del\u007f""#),
        ("c1 \u{80}\u{85}\u{9B}\u{9F}", #""c1 \u0080\u0085\u009b\u009f""#),
        // U+00A0 (C2 A0) and U+00C2 (C3 82) are not controls; neither are multi-byte characters.
        ("\u{A0}\u{C2}é😀", "\"\u{A0}\u{C2}é😀\""),
        ("end\u{C2}", "\"end\u{C2}\""),
    ])
    func controlsAreEscapedEverythingElseIsCopied(input: String, expected: String) {
        #expect(escaped(input) == expected)
    }

    @Test func noControlCharacterSurvivesAnyCodePointBelow0x100() {
        let all = String(String.UnicodeScalarView((0..<0x100).compactMap(Unicode.Scalar.init)))
        let output = escaped(all)
        #expect(!output.unicodeScalars.contains(where: ControlCharacters.isControl))
    }
}
