/// What a conservative reading of a regular expression proves about every match, so most values
/// can be ruled out without running the (ICU, backtracking) regex engine.
///
/// The reading understands a small, common subset of the syntax: literals, escaped punctuation,
/// `.`, anchors, character classes without nesting, class escapes (`\d`, `\s`, `\p{L}`, ...),
/// quantifiers, groups (treated as opaque) and top-level alternation. Anything else — inline
/// flags such as `(?i)`, `\Q...\E`, `\x41`, back-references, nested sets — gives up, and the regex
/// then runs on every value. Giving up is always safe; a wrong literal would hide matches, so every
/// doubtful construct gives up.
struct PatternAnalysis: Sendable, Hashable {
    /// One literal per top-level branch that every match of that branch contains, as UTF-8; nil when
    /// some branch has none (then any value may match).
    var requiredLiterals: [[UInt8]]?
    /// Every branch starts with `.*` and contains a literal. With `.` matching line breaks, such a
    /// pattern matches somewhere iff it matches at the start of the search, so the search can be
    /// anchored: a failed search costs one pass instead of one pass per start position.
    var leadingDotStar: Bool

    static let opaque = PatternAnalysis(requiredLiterals: nil, leadingDotStar: false)

    init(requiredLiterals: [[UInt8]]?, leadingDotStar: Bool) {
        self.requiredLiterals = requiredLiterals
        self.leadingDotStar = leadingDotStar
    }

    init(pattern: String) {
        var reader = Reader(Array(pattern.unicodeScalars))
        guard let branches = reader.branches() else {
            self = .opaque
            return
        }
        let literals = branches.compactMap { $0.longestLiteral }
        guard literals.count == branches.count else {
            self = .opaque
            return
        }
        requiredLiterals = literals.map { Array(String(String.UnicodeScalarView($0)).utf8) }
        leadingDotStar = branches.allSatisfy(\.startsWithDotStar)
    }

    /// One top-level branch: the literal runs every match contains.
    struct Branch {
        var runs: [[Unicode.Scalar]] = []
        var startsWithDotStar = false

        var longestLiteral: [Unicode.Scalar]? {
            runs.max { $0.count < $1.count }.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// A single pass over the pattern's scalars; returns nil on anything it does not understand.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        private static let classEscapes = Set("dDsSwWhHvVbBAZzRXtnrfae".unicodeScalars)
        private static let groupOpeners: [[Unicode.Scalar]] = ["?:", "?=", "?!", "?<=", "?<!", "?>"].map { Array($0.unicodeScalars) }

        mutating func branches() -> [Branch]? {
            var branches: [Branch] = []
            var branch = Branch()
            var run: [Unicode.Scalar] = []
            var depth = 0
            var tokenCount = 0
            var firstTokenIsDot = false

            func endRun() {
                if !run.isEmpty { branch.runs.append(run) }
                run = []
            }

            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                let atTop = depth == 0
                switch scalar {
                case "\\":
                    guard index < scalars.count else { return nil }
                    let escaped = scalars[index]
                    index += 1
                    if escaped.isASCII && !escaped.properties.isAlphabetic && !("0"..."9").contains(escaped) {
                        if atTop { run.append(escaped) }
                    } else if escaped == "p" || escaped == "P" {
                        guard skipProperty() else { return nil }
                        if atTop { endRun() }
                    } else if Self.classEscapes.contains(escaped) {
                        if atTop { endRun() }
                    } else {
                        return nil
                    }
                case "[":
                    guard skipClass() else { return nil }
                    if atTop { endRun() }
                case "(":
                    if index < scalars.count, scalars[index] == "?" {
                        guard skipGroupOpener() else { return nil }
                    }
                    depth += 1
                    if atTop { endRun() }
                case ")":
                    depth -= 1
                    guard depth >= 0 else { return nil }
                case "|" where atTop:
                    endRun()
                    branches.append(branch)
                    branch = Branch()
                    tokenCount = 0
                    firstTokenIsDot = false
                    continue
                case "*", "?":
                    if atTop {
                        if scalar == "*", tokenCount == 1, firstTokenIsDot { branch.startsWithDotStar = true }
                        if !run.isEmpty { run.removeLast() }
                        endRun()
                    }
                case "+":
                    if atTop { endRun() }
                case "{":
                    guard skipCounted() else { return nil }
                    if atTop {
                        if !run.isEmpty { run.removeLast() }
                        endRun()
                    }
                case ".", "^", "$":
                    if atTop {
                        endRun()
                        if scalar == ".", tokenCount == 0 { firstTokenIsDot = true }
                    }
                case "]", "}":
                    return nil
                default:
                    if atTop { run.append(scalar) }
                }
                if atTop { tokenCount += 1 }
            }
            guard depth == 0 else { return nil }
            endRun()
            branches.append(branch)
            return branches
        }

        /// After `\p` or `\P`: either one letter or `{...}`.
        private mutating func skipProperty() -> Bool {
            guard index < scalars.count else { return false }
            if scalars[index] != "{" {
                index += 1
                return true
            }
            while index < scalars.count, scalars[index] != "}" { index += 1 }
            guard index < scalars.count else { return false }
            index += 1
            return true
        }

        /// After `[`: a flat set, escapes skipped; nested sets, set operations and a leading `]` give up.
        private mutating func skipClass() -> Bool {
            if index < scalars.count, scalars[index] == "^" { index += 1 }
            if index < scalars.count, scalars[index] == "]" { return false }
            var previous: Unicode.Scalar?
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\\":
                    guard index < scalars.count else { return false }
                    let escaped = scalars[index]
                    guard escaped.isASCII, escaped != "Q", escaped != "E", escaped != "N" else { return false }
                    index += 1
                    previous = nil
                    continue
                case "[":
                    return false
                case "]":
                    return true
                case "&", "-":
                    if previous == scalar { return false }
                default:
                    break
                }
                previous = scalar
            }
            return false
        }

        /// After `(` when `?` follows: only groups that set no flags.
        private mutating func skipGroupOpener() -> Bool {
            for opener in Self.groupOpeners where scalars[index...].starts(with: opener) {
                index += opener.count
                return true
            }
            if scalars[index...].starts(with: ["?", "<"]) {
                index += 2
                while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) { index += 1 }
                guard index < scalars.count, scalars[index] == ">" else { return false }
                index += 1
                return true
            }
            return false
        }

        /// After `{`: `n}`, `n,}` or `n,m}`.
        private mutating func skipCounted() -> Bool {
            var sawDigit = false
            var sawComma = false
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "0"..."9": sawDigit = true
                case "," where !sawComma && sawDigit: sawComma = true
                case "}": return sawDigit
                default: return false
                }
            }
            return false
        }
    }
}
