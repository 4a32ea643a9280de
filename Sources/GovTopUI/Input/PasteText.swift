/// The text of a bracketed paste made fit for a one-line prompt: decoded as UTF-8 (invalid bytes
/// dropped), line breaks and tabs turned into single spaces, every other control character removed.
enum PasteText {
    static func clean(_ bytes: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        var previousWasBreak = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\r", "\n", "\t":
                if !(previousWasBreak && scalar == "\n") { text.append(" ") }
                previousWasBreak = scalar == "\r"
                continue
            case "\u{FFFD}":
                break
            default:
                if !TerminalText.isControl(scalar) { text.append(scalar) }
            }
            previousWasBreak = false
        }
        return String(text)
    }
}
