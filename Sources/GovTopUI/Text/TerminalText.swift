/// Text that is safe to put on a terminal.
public enum TerminalText {
    /// Replaces C0 and C1 control characters, DEL and ESC with U+FFFD, so text that came from the
    /// network can never move the cursor, change colours or send escape sequences.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isControl(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }

    /// C0 and C1 control characters (DEL included): never written to the terminal as they are.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
