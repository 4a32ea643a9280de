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
/// `gpt-5.6-sol` does not fall back to `gpt-5`.
///
/// The work is linear in the name length, names longer than `maxLength` give no candidates, and
/// at most `maxSuffixSteps` trailing tokens are removed.
enum ModelNameNormalizer {
    static let maxLength = 256
    static let maxSuffixSteps = 4

    /// Cross-region inference profile prefixes of Bedrock ids (`us.anthropic.claude-...`).
    static let regionPrefixes: Set<Substring> = ["us", "eu", "apac", "global", "jp", "au", "ca", "us-gov"]
    /// Vendor prefixes of Bedrock model ids (`anthropic.claude-...`, `meta.llama3-...`).
    static let vendorPrefixes: Set<Substring> = [
        "anthropic", "meta", "cohere", "mistral", "amazon", "ai21", "deepseek", "openai",
        "qwen", "writer", "google", "xai", "x-ai", "stability", "twelvelabs", "nvidia", "moonshot", "zai",
    ]

    static func candidates(for raw: String) -> [String] {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count <= maxLength else { return [] }
        var result: [String] = []
        func add(_ name: String) {
            if !name.isEmpty, result.last != name, !result.contains(name) { result.append(name) }
        }
        var name = trimmed.lowercased()
        add(name)
        name = lastPathComponent(name); add(name)
        name = removingRouterTag(name); add(name)
        name = removingRegionPrefix(name); add(name)
        name = removingVendorPrefix(name); add(name)
        name = cut(name, at: "@"); add(name)
        name = cut(name, at: "["); add(name)
        name = removingBedrockVersion(name); add(name)
        if name.hasPrefix("claude") {
            name = name.replacingOccurrences(of: ".", with: "-"); add(name)
        }
        for _ in 0..<maxSuffixSteps {
            guard let shorter = removingOneSuffix(name) else { break }
            name = shorter
            add(name)
        }
        return result
    }

    static func lastPathComponent(_ name: String) -> String {
        guard let slash = name.lastIndex(of: "/") else { return name }
        return String(name[name.index(after: slash)...])
    }

    /// `claude-3.5-sonnet:beta` → `claude-3.5-sonnet` (OpenRouter variants). Numeric tails such as
    /// Bedrock's `:0` are left for `removingBedrockVersion`.
    static func removingRouterTag(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        let tag = name[name.index(after: colon)...]
        guard !tag.isEmpty, tag.allSatisfy({ $0.isLetter || $0 == "-" }) else { return name }
        return String(name[..<colon])
    }

    /// `us.anthropic.claude-...` → `anthropic.claude-...` (only before a known vendor prefix).
    static func removingRegionPrefix(_ name: String) -> String {
        guard let dot = name.firstIndex(of: "."), regionPrefixes.contains(name[..<dot]) else { return name }
        let rest = name[name.index(after: dot)...]
        guard let next = rest.firstIndex(of: "."), vendorPrefixes.contains(rest[..<next]) else { return name }
        return String(rest)
    }

    /// `anthropic.claude-...` → `claude-...`; `meta.llama3-...` → `llama3-...`.
    static func removingVendorPrefix(_ name: String) -> String {
        guard let dot = name.firstIndex(of: "."), vendorPrefixes.contains(name[..<dot]) else { return name }
        return String(name[name.index(after: dot)...])
    }

    static func cut(_ name: String, at separator: Character) -> String {
        guard let index = name.firstIndex(of: separator) else { return name }
        return String(name[..<index])
    }

    /// `...-20241022-v2:0` → `...-20241022`; `...-v1` → `...`; `...-1:0` → `...-1`.
    static func removingBedrockVersion(_ name: String) -> String {
        var rest = Substring(name)
        if let colon = rest.lastIndex(of: ":"), isDigits(rest[rest.index(after: colon)...]) {
            rest = rest[..<colon]
        }
        if let dash = rest.lastIndex(of: "-") {
            let tail = rest[rest.index(after: dash)...]
            if tail.first == "v", isDigits(tail.dropFirst()) { rest = rest[..<dash] }
        }
        return String(rest)
    }

    /// Removes one trailing date, version or variant token, or returns nil when there is none.
    static func removingOneSuffix(_ name: String) -> String? {
        for word in ["-latest", "-thinking"] where name.hasSuffix(word) {
            return String(name.dropLast(word.count))
        }
        let bytes = Array(name.utf8)
        // Longest shapes first, so `-2024-08-06` goes whole rather than as `-08-06` then `-2024`.
        let shapes = ["-dddd-dd-dd", "-dddddddd", "-dd-dddd", "-dd-dd", "-dddd", "-ddd"]
        for shape in shapes where matchesTail(bytes, shape: shape) {
            let kept = bytes.count - shape.utf8.count
            guard kept > 0 else { return nil }
            return String(decoding: bytes[..<kept], as: UTF8.self)
        }
        return nil
    }

    /// Whether `bytes` ends with `shape`, where `d` stands for an ASCII digit and `-` for itself.
    private static func matchesTail(_ bytes: [UInt8], shape: String) -> Bool {
        let pattern = Array(shape.utf8)
        guard bytes.count > pattern.count else { return false }
        let start = bytes.count - pattern.count
        for (offset, expected) in pattern.enumerated() {
            let byte = bytes[start + offset]
            if expected == UInt8(ascii: "d") {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            } else if byte != expected {
                return false
            }
        }
        return true
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
