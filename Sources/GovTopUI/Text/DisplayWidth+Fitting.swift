/// Where text sits in a field wider than itself.
public enum TextAlignment: Hashable, Sendable {
    case left
    case center
    case right
}

extension DisplayWidth {
    /// The mark that ends truncated text.
    public static let ellipsis = "…"
    /// The truncation mark for terminals without UTF-8 (one column, like "…").
    public static let asciiEllipsis = "~"

    /// The longest prefix of `text` whose width is at most `width`, and that width. Never splits a
    /// grapheme; a wide character that would straddle the limit is left out.
    public static func prefix(_ text: String, width: Int) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let characterWidth = of(text[index])
            if used + characterWidth > width { break }
            used += characterWidth
            end = text.index(after: index)
        }
        return (String(text[..<end]), used)
    }

    /// `text` unchanged when it fits in `width` columns; otherwise cut and ended with `ellipsis`, so
    /// the result is at most `width` wide. When not even the ellipsis fits, the result is a prefix
    /// of the ellipsis (usually empty).
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = DisplayWidth.ellipsis) -> String {
        guard width > 0 else { return "" }
        let ellipsisWidth = of(ellipsis)
        var used = 0
        var cut: String.Index?
        for index in text.indices {
            used += of(text[index])
            if cut == nil, used > width - ellipsisWidth { cut = index }
            if used > width {
                guard ellipsisWidth <= width else { return prefix(ellipsis, width: width).text }
                return String(text[..<(cut ?? index)]) + ellipsis
            }
        }
        return text
    }

    /// `text` with spaces added on the left up to `width` columns (never truncates).
    public static func padLeft(_ text: String, toWidth width: Int) -> String {
        let missing = width - of(text)
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }

    /// `text` with spaces added on the right up to `width` columns (never truncates).
    public static func padRight(_ text: String, toWidth width: Int) -> String {
        let missing = width - of(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// `text` truncated with "…" when too wide, then padded to exactly `width` columns (a wide
    /// character dropped at the cut leaves a space instead).
    public static func fit(_ text: String, width: Int, alignment: TextAlignment = .left, ellipsis: String = DisplayWidth.ellipsis) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width, ellipsis: ellipsis)
        let missing = width - of(cut)
        guard missing > 0 else { return cut }
        switch alignment {
        case .left:
            return cut + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + cut
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: missing - left)
        }
    }
}

extension DisplayWidth {
    /// `text` unchanged when it fits; else its start and end around `ellipsis` (`gen_ai.us…_tokens`),
    /// so text that differs only at the end stays apart.
    public static func truncateMiddle(_ text: String, toWidth width: Int, ellipsis: String = DisplayWidth.ellipsis) -> String {
        guard of(text) > width else { return text }
        let room = width - of(ellipsis)
        guard room > 1 else { return truncate(text, toWidth: width, ellipsis: ellipsis) }
        let head = prefix(text, width: (room + 1) / 2)
        var tail = ""
        var tailWidth = 0
        for character in text.reversed() {
            let characterWidth = of(character)
            if tailWidth + characterWidth > room - head.width { break }
            tail.insert(character, at: tail.startIndex)
            tailWidth += characterWidth
        }
        return head.text + ellipsis + tail
    }

    /// A dotted key (`gen_ai.evaluation.score.value`) in `width` columns: unchanged when it fits,
    /// else without as many leading segments as needed behind `ellipsis` (`…evaluation.score.value`,
    /// `…score.value`), so keys that share a prefix stay apart; when even the last segment does not
    /// fit, cut in the middle.
    public static func shortenDotted(_ key: String, toWidth width: Int, ellipsis: String = DisplayWidth.ellipsis) -> String {
        guard width > 0 else { return "" }
        guard of(key) > width else { return key }
        let segments = key.split(separator: ".", omittingEmptySubsequences: false)
        if segments.count > 1 {
            for drop in 1..<segments.count {
                let candidate = ellipsis + segments[drop...].joined(separator: ".")
                if of(candidate) <= width { return candidate }
            }
        }
        return truncateMiddle(key, toWidth: width, ellipsis: ellipsis)
    }
}
