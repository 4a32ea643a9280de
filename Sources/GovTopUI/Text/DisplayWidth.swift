/// How many terminal columns text occupies, computed from Unicode properties compiled into the
/// program, so the answer never depends on the C library or the locale (unlike `wcwidth`).
///
/// - 0 for combining and enclosing marks, format characters (ZWJ, ZWSP, …), variation selectors,
///   Hangul medial vowels and final consonants, and control characters (but 1 for U+00AD soft
///   hyphen, which terminals draw);
/// - 2 for East Asian Wide and Fullwidth characters and for emoji with emoji presentation;
/// - 1 otherwise.
///
/// A `Character` (grapheme cluster) takes the width of its first visible scalar, widened to 2 when a
/// text-style emoji is followed by U+FE0F (emoji presentation); so ZWJ families, skin-tone
/// sequences, keycaps and flags count as 2, and "e" + a combining accent counts as 1.
public enum DisplayWidth {
    /// The width of one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 {
            if TerminalText.isControl(scalar) { return 0 }
            return 1
        }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        var base = of(first)
        var visible = first
        if base == 0 {
            while let next = iterator.next() {
                let width = of(next)
                if width > 0 {
                    base = width
                    visible = next
                    break
                }
            }
        }
        if base == 1, visible.properties.isEmoji, scalars.contains(emojiPresentationSelector) {
            return 2
        }
        return base
    }

    /// The width of a string: the sum of its graphemes' widths.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    static let emojiPresentationSelector: Unicode.Scalar = "\u{FE0F}"

    /// East Asian Wide (W) and Fullwidth (F) blocks, sorted, merged over unassigned gaps. Emoji in
    /// the pictographic planes are not listed: `isEmojiPresentation` decides those, because those
    /// blocks mix wide and narrow symbols.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,    // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, enclosed CJK, CJK compatibility
        0x3400...0x4DBF,    // CJK extension A
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth ASCII
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FFF,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut, Khitan
        0x18D00...0x18D8F,  // Tangut supplement
        0x1AFF0...0x1B2FF,  // kana extended, kana supplement, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G–H
    ]

    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension String {
    /// Terminal columns this string occupies (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// Terminal columns this grapheme occupies (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}
