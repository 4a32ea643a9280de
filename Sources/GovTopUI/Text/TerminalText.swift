import GovTopCore

/// Text that is safe to put on a terminal.
public enum TerminalText {
    /// Replaces C0 and C1 control characters, DEL and ESC with U+FFFD, so text that came from the
    /// network can never move the cursor, change colours or send escape sequences.
    public static func sanitize(_ text: String) -> String {
        ControlCharacters.replaced(in: text)
    }

    /// C0 and C1 control characters (DEL included): never written to the terminal as they are.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        ControlCharacters.isControl(scalar)
    }
}
