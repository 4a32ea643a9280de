import Foundation

/// Turns a model name as it appears on a span into the names to look up, most specific first.
///
/// Each step removes one kind of decoration and the result is looked up before the next step:
/// provider paths (`openai/gpt-4o`, `models/gemini-1.5-pro`, ARNs), router tags (`:beta`),
/// Bedrock region and vendor prefixes (`us.anthropic.`), Vertex `@20240620` and Claude Code `[1m]`
/// suffixes, Bedrock versions (`-v2:0`), dotted Claude spellings (`claude-3.5-sonnet`), then one
/// trailing date or version token at a time (`-latest`, `-2024-08-06`, `-20241022`, `-08-2024`,
/// `-05-06`, `-0125`, `-001`, `-thinking`). Only these tokens are ever removed, never an arbitrary
/// tail, so `gpt-4o-mini-2024-07-18` can reach `gpt-4o-mini` but never `gpt-4o`, and an unknown
/// `gpt-5.9-nova` does not fall back to `gpt-5`.
///
/// The work is a few passes over the name's bytes: names longer than `maxLength` bytes give no
/// candidates, and at most `maxSuffixSteps` trailing tokens are removed.
enum ModelNameNormalizer {
    static let maxLength = 256
    static let maxSuffixSteps = 4

    /// Cross-region inference profile prefixes of Bedrock ids (`us.anthropic.claude-...`).
    static let regionPrefixes: Set<String> = ["us", "eu", "apac", "global", "jp", "au", "ca", "us-gov"]
    /// Vendor prefixes of Bedrock model ids (`anthropic.claude-...`, `meta.llama3-...`).
    static let vendorPrefixes: Set<String> = [
        "anthropic", "meta", "cohere", "mistral", "amazon", "ai21", "deepseek", "openai",
        "qwen", "writer", "google", "xai", "x-ai", "stability", "twelvelabs", "nvidia", "moonshot", "zai",
    ]

    /// Every candidate spelling, most specific first.
    static func candidates(for raw: String) -> [String] {
        var result: [String] = []
        forEachCandidate(of: raw) { result.append($0); return false }
        return result
    }

    /// Calls `body` with each candidate spelling, most specific first, until it returns true.
    static func forEachCandidate(of raw: String, _ body: (String) -> Bool) {
        guard raw.utf8.count <= maxLength, var bytes = lowercasedTrimmedBytes(raw), !bytes.isEmpty else { return }
        var lower = 0
        var upper = bytes.count
        var last: (Int, Int, Bool) = (-1, -1, false)
        var dotted = false
        /// Offers bytes[lower..<upper] unless it is empty or the same as the previous offer.
        func offer() -> Bool {
            guard lower < upper, last != (lower, upper, dotted) else { return false }
            last = (lower, upper, dotted)
            return body(String(decoding: bytes[lower..<upper], as: UTF8.self))
        }
        if offer() { return }
        if let slash = lastIndex(of: "/", in: bytes, lower, upper) { lower = slash + 1 }
        if offer() { return }
        upper = removingRouterTag(bytes, lower, upper)
        if offer() { return }
        lower = removingPrefix(regionPrefixes, bytes, lower, upper, requireVendorAfter: true)
        if offer() { return }
        lower = removingPrefix(vendorPrefixes, bytes, lower, upper, requireVendorAfter: false)
        if offer() { return }
        if let at = firstIndex(of: "@", in: bytes, lower, upper) { upper = at }
        if let bracket = firstIndex(of: "[", in: bytes, lower, upper) { upper = bracket }
        if offer() { return }
        upper = removingBedrockVersion(bytes, lower, upper)
        if offer() { return }
        if hasPrefix("claude", bytes, lower, upper), firstIndex(of: ".", in: bytes, lower, upper) != nil {
            for index in lower..<upper where bytes[index] == UInt8(ascii: ".") { bytes[index] = UInt8(ascii: "-") }
            dotted = true
            if offer() { return }
        }
        for _ in 0..<maxSuffixSteps {
            guard let shorter = removingOneSuffix(bytes, lower, upper) else { return }
            upper = shorter
            if offer() { return }
        }
    }

    /// The name's bytes with surrounding whitespace removed and letters lowercased, or nil when
    /// the name is not valid text.
    private static func lowercasedTrimmedBytes(_ raw: String) -> [UInt8]? {
        var bytes = Array(raw.utf8)
        if bytes.contains(where: { $0 >= 0x80 }) {
            bytes = Array(raw.lowercased().utf8)
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        var trimmed = Array(bytes[first...last])
        for index in trimmed.indices where trimmed[index] >= UInt8(ascii: "A") && trimmed[index] <= UInt8(ascii: "Z") {
            trimmed[index] += 0x20
        }
        return trimmed
    }

    /// `claude-3.5-sonnet:beta` → `claude-3.5-sonnet` (router variants). Numeric tails such as
    /// Bedrock's `:0` are left for `removingBedrockVersion`.
    private static func removingRouterTag(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Int {
        guard let colon = lastIndex(of: ":", in: bytes, lower, upper), colon + 1 < upper else { return upper }
        let isTag = bytes[(colon + 1)..<upper].allSatisfy { isLetter($0) || $0 == UInt8(ascii: "-") }
        return isTag ? colon : upper
    }

    /// Drops `prefix.` when `prefix` is in `set` (and, for regions, a vendor prefix follows).
    private static func removingPrefix(_ set: Set<String>, _ bytes: [UInt8], _ lower: Int, _ upper: Int, requireVendorAfter: Bool) -> Int {
        guard let dot = firstIndex(of: ".", in: bytes, lower, upper),
              set.contains(String(decoding: bytes[lower..<dot], as: UTF8.self)) else { return lower }
        if requireVendorAfter {
            guard let next = firstIndex(of: ".", in: bytes, dot + 1, upper),
                  vendorPrefixes.contains(String(decoding: bytes[(dot + 1)..<next], as: UTF8.self)) else { return lower }
        }
        return dot + 1
    }

    /// `...-20241022-v2:0` → `...-20241022`; `...-v1` → `...`; `...-1:0` → `...-1`.
    private static func removingBedrockVersion(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Int {
        var end = upper
        if let colon = lastIndex(of: ":", in: bytes, lower, end), colon + 1 < end, isDigits(bytes, colon + 1, end) {
            end = colon
        }
        if let dash = lastIndex(of: "-", in: bytes, lower, end), dash + 2 < end,
           bytes[dash + 1] == UInt8(ascii: "v"), isDigits(bytes, dash + 2, end) {
            end = dash
        }
        return end
    }

    /// Removes one trailing date, version or variant token: the new end, or nil when there is none.
    private static func removingOneSuffix(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Int? {
        for word in ["-latest", "-thinking"] where hasSuffix(word, bytes, lower, upper) {
            return upper - word.utf8.count
        }
        // Longest shapes first, so `-2024-08-06` goes whole rather than as `-08-06` then `-2024`.
        for shape in ["-dddd-dd-dd", "-dddddddd", "-dd-dddd", "-dd-dd", "-dddd", "-ddd"] {
            let length = shape.utf8.count
            guard upper - lower > length else { continue }
            let start = upper - length
            if zip(shape.utf8, bytes[start..<upper]).allSatisfy({ expected, byte in
                expected == UInt8(ascii: "d") ? isDigit(byte) : byte == expected
            }) {
                return start
            }
        }
        return nil
    }

    private static func firstIndex(of character: Unicode.Scalar, in bytes: [UInt8], _ lower: Int, _ upper: Int) -> Int? {
        guard lower < upper else { return nil }
        return bytes[lower..<upper].firstIndex(of: UInt8(ascii: character))
    }

    private static func lastIndex(of character: Unicode.Scalar, in bytes: [UInt8], _ lower: Int, _ upper: Int) -> Int? {
        guard lower < upper else { return nil }
        return bytes[lower..<upper].lastIndex(of: UInt8(ascii: character))
    }

    private static func hasPrefix(_ text: String, _ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Bool {
        upper - lower >= text.utf8.count && bytes[lower..<(lower + text.utf8.count)].elementsEqual(text.utf8)
    }

    private static func hasSuffix(_ text: String, _ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Bool {
        upper - lower > text.utf8.count && bytes[(upper - text.utf8.count)..<upper].elementsEqual(text.utf8)
    }

    private static func isDigits(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Bool {
        lower < upper && bytes[lower..<upper].allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
}
