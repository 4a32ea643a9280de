import Testing
@testable import GovTopUI

/// Dotted attribute keys keep their distinguishing end: leading segments go first, then the middle.
@Suite struct DottedKeyTests {
    @Test(arguments: [
        ("gen_ai.evaluation.name", 30, "gen_ai.evaluation.name"),
        ("gen_ai.evaluation.name", 22, "gen_ai.evaluation.name"),
        ("gen_ai.evaluation.name", 21, "…evaluation.name"),
        ("gen_ai.evaluation.score.value", 24, "…evaluation.score.value"),
        ("gen_ai.evaluation.score.value", 14, "…score.value"),
        ("gen_ai.evaluation.score.value", 8, "…value"),
        ("gen_ai.usage.input_tokens_details", 10, "gen_a…ails"),
        ("a_very_long_key_without_dots", 11, "a_ver…_dots"),
        ("key", 0, ""),
    ])
    func shortensFromTheFront(key: String, width: Int, expected: String) {
        let shortened = DisplayWidth.shortenDotted(key, toWidth: width)
        #expect(shortened == expected)
        #expect(shortened.displayWidth <= width)
    }

    @Test func evaluationKeysStayApart() {
        let keys = ["gen_ai.evaluation.name", "gen_ai.evaluation.score.value", "gen_ai.evaluation.score.label"]
        let shortened = keys.map { DisplayWidth.shortenDotted($0, toWidth: 20) }
        #expect(Set(shortened).count == 3)
        #expect(shortened == ["…evaluation.name", "…score.value", "…score.label"])
    }

    @Test func middleTruncationKeepsWideCharactersWhole() {
        let text = DisplayWidth.truncateMiddle("日本語のテキストです", toWidth: 9)
        #expect(text.displayWidth <= 9)
        #expect(text.contains("…"))
        #expect(text.hasPrefix("日本"))
    }
}
