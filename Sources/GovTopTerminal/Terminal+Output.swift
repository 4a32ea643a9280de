import GovTopUI
import CNcursesw
import Glibc

extension Terminal {
    /// Rings the terminal bell (or flashes, as the terminal is set up to).
    public func bell() {
        guard isActive else { return }
        beep()
    }

    /// Asks the terminal to put `text` on the system clipboard (OSC 52), writing the escape
    /// sequence straight to the terminal, outside ncurses' buffer. Terminals that do not support
    /// it ignore it; tmux needs `set-clipboard on`. Returns false when it could not be written.
    @discardableResult
    public func copyToClipboard(_ text: String) -> Bool {
        guard isActive else { return false }
        let bytes = Array(ClipboardSequence.osc52(text).utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            written += result
        }
        return true
    }
}
