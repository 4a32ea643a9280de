import Glibc

/// The terminal reporting modes govtop switches on beside ncurses (which knows nothing of them):
/// bracketed paste always, SGR mouse reports unless `--no-mouse`. Written straight to the
/// terminal; switched off again on every way out, crash signals included.
enum TerminalModes {
    /// Bracketed paste (2004); with the mouse, press/release/wheel reports (1000) in SGR form (1006).
    static func on(mouse: Bool) -> StaticString {
        mouse ? "\u{1B}[?2004h\u{1B}[?1000h\u{1B}[?1006h" : "\u{1B}[?2004h"
    }

    /// Every mode `on` may have set, off.
    static let off: StaticString = "\u{1B}[?1006l\u{1B}[?1000l\u{1B}[?2004l"

    /// Writes a sequence to stdout, retrying partial writes; async-signal-safe (no allocation).
    @discardableResult
    static func write(_ sequence: StaticString) -> Bool {
        var written = 0
        let count = sequence.utf8CodeUnitCount
        while written < count {
            let result = Glibc.write(STDOUT_FILENO, sequence.utf8Start + written, count - written)
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            written += result
        }
        return true
    }
}
