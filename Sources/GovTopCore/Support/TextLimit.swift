/// What govtop keeps of text read from elsewhere with no length limit of its own (a remote govtop's
/// API, a shared database): at most `limit` characters, cut on a character boundary, with `…` when cut.
package enum TextLimit {
    /// Walks at most `limit` characters; a string whose UTF-8 is no longer than `limit` is returned as is.
    package static func capped(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit,
              let end = text.index(text.startIndex, offsetBy: max(0, limit), limitedBy: text.endIndex),
              end < text.endIndex else { return text }
        return String(text[..<end]) + "…"
    }
}
