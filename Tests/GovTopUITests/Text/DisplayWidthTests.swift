import Testing
@testable import GovTopUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("~", 1), ("é", 1), ("ß", 1), ("Ж", 1), ("→", 1), ("€", 1), ("\u{00AD}", 1),
        ("中", 2), ("あ", 2), ("カ", 2), ("한", 2), ("Ａ", 2), ("\u{3000}", 2), ("〜", 2), ("𠀋", 2),
        ("😀", 2), ("🚀", 2), ("⌚", 2), ("🇩", 2),
        ("\u{0301}", 0), ("\u{200D}", 0), ("\u{200B}", 0), ("\u{FE0F}", 0), ("\u{FE0E}", 0),
        ("\u{E0100}", 0), ("\u{1160}", 0), ("\u{11A8}", 0), ("\u{20DD}", 0),
        ("\u{0}", 0), ("\u{1B}", 0), ("\u{7F}", 0), ("\u{85}", 0), ("\u{9B}", 0),
        ("\u{303F}", 1), ("\u{FF61}", 1), ("\u{2764}", 1), ("\u{1F321}", 1),
    ] as [(Unicode.Scalar, Int)])
    func scalarWidth(scalar: Unicode.Scalar, width: Int) {
        #expect(DisplayWidth.of(scalar) == width, "U+\(String(scalar.value, radix: 16, uppercase: true))")
    }

    @Test(arguments: [
        ("e\u{0301}", 1),                                   // e + combining acute
        ("a\u{0308}\u{0323}", 1),                           // two combining marks
        ("\u{1100}\u{1161}\u{11A8}", 2),                    // Hangul L V T Jamo
        ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2),             // ZWJ family
        ("🧑\u{200D}💻", 2),                                  // technologist
        ("🏳\u{FE0F}\u{200D}🌈", 2),                          // rainbow flag, text-style base + VS16
        ("🇯🇵", 2), ("🇺🇦", 2),                               // flags
        ("👍🏽", 2),                                          // skin tone modifier
        ("\u{2764}\u{FE0F}", 2),                            // red heart with emoji presentation
        ("\u{2764}", 1),                                    // red heart, text presentation
        ("1\u{FE0F}\u{20E3}", 2),                           // keycap one
        ("中\u{0301}", 2),
        ("\u{0301}", 0), ("\u{200D}", 0),
        ("\r\n", 0),
    ] as [(String, Int)])
    func graphemeWidth(text: String, width: Int) {
        #expect(text.count == 1)
        #expect(DisplayWidth.of(Character(text)) == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test(arguments: [
        ("", 0), ("hello", 5), ("日本語", 6), ("año", 3), ("e\u{0301}te\u{0301}", 3),
        ("ok 👍🏽!", 6), ("🇯🇵🇺🇦", 4), ("mixed 中文 text", 15),
    ] as [(String, Int)])
    func stringWidth(text: String, width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test(arguments: [
        ("hello", 5, "hello"), ("hello", 4, "hel…"), ("hello", 1, "…"), ("hello", 0, ""), ("hello", -3, ""),
        ("日本語", 6, "日本語"), ("日本語", 5, "日本…"), ("日本語", 4, "日…"), ("日本語", 3, "日…"), ("日本語", 2, "…"),
        ("ae\u{0301}io", 3, "ae\u{0301}…"), ("👨\u{200D}👩\u{200D}👧ab", 3, "👨\u{200D}👩\u{200D}👧…"),
    ] as [(String, Int, String)])
    func truncation(text: String, width: Int, expected: String) {
        let result = DisplayWidth.truncate(text, toWidth: width)
        #expect(result == expected)
        #expect(result.displayWidth <= max(0, width))
    }

    @Test func truncationWithACustomEllipsis() {
        #expect(DisplayWidth.truncate("abcdefgh", toWidth: 6, ellipsis: "...") == "abc...")
        #expect(DisplayWidth.truncate("abcdefgh", toWidth: 2, ellipsis: "...") == "..")
    }

    @Test func prefixNeverSplitsAWideCharacter() {
        let (text, width) = DisplayWidth.prefix("a中b", width: 2)
        #expect(text == "a")
        #expect(width == 1)
    }

    @Test func paddingCountsColumnsNotCharacters() {
        #expect(DisplayWidth.padRight("中", toWidth: 4) == "中  ")
        #expect(DisplayWidth.padLeft("中", toWidth: 4) == "  中")
        #expect(DisplayWidth.padLeft("toolong", toWidth: 3) == "toolong")
        #expect(DisplayWidth.padRight("e\u{0301}", toWidth: 3) == "e\u{0301}  ")
    }

    @Test(arguments: [
        ("ab", 5, TextAlignment.left, "ab   "), ("ab", 5, .right, "   ab"), ("ab", 5, .center, " ab  "),
        ("abcdef", 4, .right, "abc…"), ("中文字", 5, .left, "中文…"), ("中文字", 4, .left, "中… "),
        ("x", 0, .left, ""),
    ] as [(String, Int, TextAlignment, String)])
    func fitting(text: String, width: Int, alignment: TextAlignment, expected: String) {
        let result = DisplayWidth.fit(text, width: width, alignment: alignment)
        #expect(result == expected)
        #expect(result.displayWidth == max(0, width))
    }
}
