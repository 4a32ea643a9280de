import Foundation
import Testing
@testable import GovTopCore

@Suite struct PatternAnalysisTests {
    @Test(arguments: [
        (".*SSN.*|.*credit_card.*", ["SSN", "credit_card"], true),
        (#"\d{3}-\d{2}-\d{4}"#, ["-"], false),
        (#"credit\.card"#, ["credit.card"], false),
        ("abc?d", ["ab"], false),
        ("pre(SSN|y)post", ["post"], false),
        ("ab+c", ["ab"], false),
        (#"\.*foo"#, ["foo"], false),
        (".*foo", ["foo"], true),
        (".*foo|bar", ["foo", "bar"], false),
        ("[A-Z]+@example", ["@example"], false),
        (#"(?:x|y)token\b"#, ["token"], false),
        (#"\p{L}+key"#, ["key"], false),
    ])
    func requiredLiterals(pattern: String, literals: [String], leadingDotStar: Bool) {
        let analysis = PatternAnalysis(pattern: pattern)
        #expect(analysis.requiredLiterals == literals.map { Array($0.utf8) })
        #expect(analysis.leadingDotStar == leadingDotStar)
    }

    /// Constructs the reading does not understand, and patterns with a branch that needs no literal,
    /// must run the regex on every value.
    @Test(arguments: ["(?i)ssn", #"\x41BC"#, #"\QSSN\E"#, "a|b*", "[SSN]+", ".*", #"(a)\1"#, "[[a]b]x", "a{,2}b", "x)"])
    func givesUp(pattern: String) {
        #expect(PatternAnalysis(pattern: pattern).requiredLiterals == nil)
    }

    @Test(arguments: [0, 1, 2])
    func byteSearch(pivot: Int) {
        func contains(_ haystack: String, _ needle: String) -> Bool {
            var haystack = haystack
            let needle = Array(needle.utf8)
            return haystack.withUTF8 { bytes in
                needle.withUnsafeBufferPointer { ByteSearch.contains(bytes, $0, pivot: min(pivot, needle.count - 1)) }
            }
        }
        #expect(contains("my SSN is", "SSN"))
        #expect(contains("SSN", "SSN"))
        #expect(contains("xxSSN", "SSN"))
        #expect(contains("NSSN", "SSN"))
        #expect(!contains("SSSN", "SSNN"))
        #expect(!contains("SS", "SSN"))
        #expect(!contains("SSxN", "SSN"))
        #expect(!contains("", "S"))
        #expect(contains("ünïcode ключ", "ключ"))
    }

    /// Long texts take the 16-wide scan: it must agree with a naive search at every length and
    /// offset, including matches that start in the last 15 positions or end at the last byte.
    @Test func wideByteSearchAgreesWithANaiveSearch() {
        var random = SplitMix64(seed: 0x5EA4C4)
        let alphabet = Array("ab_cS N".utf8)
        for _ in 0..<3_000 {
            let haystack = (0..<random.int(0...300)).map { _ in random.pick(alphabet) }
            let needle = (0..<random.int(1...6)).map { _ in random.pick(alphabet) }
            let naive = haystack.count >= needle.count
                && (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
            let found = haystack.withUnsafeBufferPointer { text in
                needle.withUnsafeBufferPointer { ByteSearch.contains(text, $0, pivot: needle.count - 1) }
            }
            #expect(found == naive, "\(String(decoding: needle, as: UTF8.self)) in \(String(decoding: haystack, as: UTF8.self))")
        }
        let long = Array(repeating: UInt8(ascii: "x"), count: 200)
        for offset in [0, 1, 15, 16, 100, 184, 185, 190, 195, 197] {
            var text = long
            text.replaceSubrange(offset..<(offset + 3), with: Array("SSN".utf8))
            let found = text.withUnsafeBufferPointer { text in Array("SSN".utf8).withUnsafeBufferPointer { ByteSearch.contains(text, $0) } }
            #expect(found, "at \(offset)")
        }
    }

    /// A long text is scanned once for all of a set's literals: it must agree with a naive search
    /// for each, at every length and offset (matches in the last positions included).
    @Test func literalSetScanAgreesWithANaiveSearchOnLongTexts() {
        var random = SplitMix64(seed: 0x11_7E5C)
        let alphabet = Array("ab_cdS Nrt".utf8)
        for _ in 0..<3_000 {
            let literals = (0..<random.int(2...4)).map { _ in String(decoding: (0..<random.int(2...9)).map { _ in random.pick(alphabet) }, as: UTF8.self) }
            let set = LiteralSet(literals.map { PatternAnalysis(pattern: $0) })
            let text = String(decoding: (0..<random.int(0...400)).map { _ in random.pick(alphabet) }, as: UTF8.self)
            let bytes = Array(text.utf8)
            let naive = literals.contains { literal in
                bytes.indices.contains { start in bytes.dropFirst(start).starts(with: Array(literal.utf8)) }
            }
            #expect(set.mightMatch(text) == naive, "\(literals) in \(text)")
            #expect(bytes.withUnsafeBytes { set.mightMatch($0) } == naive)
        }
        let long = String(repeating: "x", count: 300)
        let set = LiteralSet([PatternAnalysis(pattern: ".*SSN.*|.*credit_card.*")])
        for offset in [0, 1, 15, 16, 200, 270, 280, 285, 289, 290, 297] {
            for literal in ["SSN", "credit_card"] where offset + literal.count <= 300 {
                var bytes = Array(long.utf8)
                bytes.replaceSubrange(offset..<(offset + literal.count), with: Array(literal.utf8))
                #expect(bytes.withUnsafeBytes { set.mightMatch($0) }, "\(literal) at \(offset)")
            }
        }
        #expect(!Array(long.utf8).withUnsafeBytes { set.mightMatch($0) })
    }

    @Test func literalSetFindsAnyOfItsLiterals() {
        let set = LiteralSet([PatternAnalysis(pattern: ".*SSN.*|.*credit_card.*"), PatternAnalysis(pattern: "@corp")])
        #expect(set.mightMatch("pay with credit_card"))
        #expect(set.mightMatch("SSN"))
        #expect(set.mightMatch("x@corp.com"))
        #expect(!set.mightMatch("credit card or SN"))
        #expect(!set.mightMatch("ab"))
        #expect(LiteralSet([PatternAnalysis(pattern: "(?i)ssn")]).mightMatch("anything"))
        #expect(LiteralSet([]).isEmpty)
    }

    @Test func aBatchBodyIsScreenedForTheLiteralsOfEveryRule() throws {
        func evaluator(_ rules: [PolicyRule]) throws -> PolicyEvaluator { try PolicyEvaluator(rules: rules) }
        func body(_ text: String) -> [UInt8] { [0x0A, 0x12] + Array(text.utf8) + [0x1A, 0x00] }
        let everywhere = try evaluator([PolicyRule(name: "pii", check: .pattern(".*SSN.*|.*credit_card.*", keys: nil), action: .redact)])
        let keyed = try evaluator([PolicyRule(name: "email", check: .pattern("@corp", keys: ["user.email"]), action: .alert)])
        let opaque = try evaluator([PolicyRule(name: "any", check: .pattern("(?i)ssn", keys: nil), action: .log)])
        let limitsOnly = try evaluator([PolicyRule(name: "cap", check: .limits(maxCostUSD: 1, maxTokens: nil), action: .alert)])
        for (evaluator, text, expected) in [
            (everywhere, "a prompt with SSN inside", true), (everywhere, "pay by credit_card", true),
            (everywhere, "credit card, S S N", false), (keyed, "mail x@corp.com", true), (keyed, "mail x@home", false),
            (opaque, "no literal to look for", true), (limitsOnly, "SSN", false),
        ] {
            #expect(body(text).withUnsafeBytes { evaluator.mightMatch(verbatim: $0) } == expected, "\(text)")
        }
    }

    /// Patterns, each with fragments that make matches (and near misses) likely in generated text.
    static let differentialPatterns: [(String, [String])] = [
        (".*SSN.*|.*credit_card.*", ["SSN", "credit_card", "SN", "credit"]),
        (#".*SSN\d"#, ["SSN", "1", "SN"]),
        (#"\d{3}-\d{2}-\d{4}"#, ["123-45-6789", "12-", "34"]),
        ("ab+c", ["ab", "bc", "abbc"]),
        ("abc?d", ["ab", "abd", "abcd", "cd"]),
        ("x(SS|N)+y", ["xSSy", "xNy", "x", "y"]),
        (#"[a-c]SN\.x"#, ["aSN", ".x", "SN.x"]),
        ("pre(SSN|y)post", ["pre", "post", "prey", "SSN"]),
        (#"\bSSN\b"#, ["SSN", " SSN "]),
        (".*?N-", ["N-", "N"]),
        ("S+N*", ["S", "N"]),
        ("^SSN|credit$", ["SSN", "credit"]),
        ("(?<=a)bc", ["abc", "bc", "a"]),
        (".*(SSN|ab)c", ["SSNc", "abc", "ab"]),
    ]

    /// The prefilter never hides a match, and anchoring a `.*`-led pattern finds exactly the matches
    /// the unanchored search finds. Checked on many pseudo-random strings built from fragments.
    @Test(arguments: differentialPatterns)
    func prefilterAndAnchoringAgreeWithTheRegex(pattern: String, fragments: [String]) throws {
        let compiled = try #require(CompiledPattern(pattern))
        let reference = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let alphabet = Array("SNabcxy-._12 \n\u{e9}").map(String.init) + fragments
        var generator = SplitMix64(seed: UInt64(pattern.utf8.count) &* 7919)
        var sawMatch = false
        for _ in 0..<1500 {
            let length = Int.random(in: 0...8, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
            let expected = reference.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
                .map(\.range).filter { $0.length > 0 }
            sawMatch = sawMatch || !expected.isEmpty
            if !expected.isEmpty { #expect(compiled.mayMatch(text), "prefilter hid a match of \(pattern) in \(text.debugDescription)") }
            #expect(compiled.matches(in: text) == expected, "\(pattern) on \(text.debugDescription)")
            #expect((compiled.firstMatch(in: text) != nil) == !expected.isEmpty)
        }
        #expect(sawMatch, "the corpus never exercised a match of \(pattern)")
    }
}
