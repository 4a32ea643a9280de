import Foundation

/// A rule's regular expression, compiled once, with a literal prefilter in front of it.
///
/// `.` matches line breaks too, so `.*SSN.*` masks a whole multi-line value rather than one line of
/// it (write `(?-s)` to opt out). Only non-empty matches count.
struct CompiledPattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share across threads.
    private let regex: NSRegularExpression
    let analysis: PatternAnalysis
    private let literals: LiteralSet
    private let matchingOptions: NSRegularExpression.MatchingOptions

    /// Nil when the pattern does not compile.
    init?(_ pattern: String) {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return nil }
        self.regex = regex
        analysis = PatternAnalysis(pattern: pattern)
        literals = LiteralSet([analysis])
        matchingOptions = analysis.leadingDotStar ? [.anchored] : []
    }

    /// False only when the value certainly has no non-empty match (none of the required literals occurs).
    func mayMatch(_ text: String) -> Bool { literals.mightMatch(text) }

    /// The first non-empty match, as a range of `text`.
    func firstMatch(in text: String) -> Range<String.Index>? {
        guard mayMatch(text) else { return nil }
        var found: NSRange?
        regex.enumerateMatches(in: text, options: matchingOptions, range: NSRange(location: 0, length: text.utf16.count)) { result, _, stop in
            guard let range = result?.range, range.length > 0 else { return }
            found = range
            stop.pointee = true
        }
        guard let found else { return nil }
        return Range(found, in: text) ?? text.startIndex..<text.endIndex
    }

    /// Every non-empty match, as UTF-16 ranges of `text`, in order.
    func matches(in text: String) -> [NSRange] {
        guard mayMatch(text) else { return [] }
        return regex.matches(in: text, options: matchingOptions, range: NSRange(location: 0, length: text.utf16.count))
            .map(\.range)
            .filter { $0.length > 0 }
    }
}
