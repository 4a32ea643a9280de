/// The one test for characters that must never reach an output (terminal, JSON, `/metrics`) as they
/// are: C0 controls, DEL and C1 controls (ESC, BEL, NUL, CR, CSI … — the bytes that move a cursor,
/// set a window title or write a clipboard when a terminal prints them).
public enum ControlCharacters {
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `text` with every control character replaced by U+FFFD.
    public static func replaced(in text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isControl(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }
}
