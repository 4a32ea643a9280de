/// Finds the valid key (or value) a misspelt one was most likely meant to be.
///
/// Spellings are compared after folding case, `-` to `_` and camelCase to snake_case, so
/// `maxSpans` and `http-port` find `max_spans` and `http_port`. A candidate is suggested only
/// when its edit distance is at most a third of its length (at least 1): `budget` → `budgets`,
/// `nto` → `not`, but `port` suggests nothing.
enum KeySuggestion {
    /// Longer words are not compared (nothing valid is that long).
    static let maximumComparedLength = 64

    static func nearest(to written: String, among candidates: [String]) -> String? {
        let folded = fold(written)
        guard !folded.isEmpty, folded.count <= maximumComparedLength else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let target = fold(candidate)
            let distance = editDistance(folded, target)
            guard distance <= max(1, target.count / 3) else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    static func fold(_ word: String) -> [Unicode.Scalar] {
        var folded: [Unicode.Scalar] = []
        var previousWasLowercase = false
        for scalar in word.unicodeScalars {
            let isUppercase = scalar >= "A" && scalar <= "Z"
            if isUppercase && previousWasLowercase { folded.append("_") }
            previousWasLowercase = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if scalar == "-" || scalar == " " {
                folded.append("_")
            } else if isUppercase, let lower = Unicode.Scalar(scalar.value + 32) {
                folded.append(lower)
            } else {
                folded.append(scalar)
            }
        }
        return folded
    }

    /// Edit distance where an insertion, a deletion, a substitution or a swap of two adjacent
    /// characters costs 1 (optimal string alignment), so `nto` is one edit from `not`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                var distance = min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance = min(distance, beforePrevious[j - 2] + 1)
                }
                current[j] = distance
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
