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

/// The OSC 52 escape sequence that sets the clipboard.
public enum ClipboardSequence {
    /// Longest text sent; terminals refuse or cut longer sequences.
    public static let maximumBytes = 74_994

    /// `ESC ] 52 ; c ; <base64 of the UTF-8 text> BEL`, the text cut to `maximumBytes` on a
    /// character boundary.
    public static func osc52(_ text: String) -> String {
        var bytes: [UInt8] = []
        for character in text {
            let utf8 = Array(String(character).utf8)
            if bytes.count + utf8.count > maximumBytes { break }
            bytes += utf8
        }
        return "\u{1B}]52;c;" + base64(bytes) + "\u{07}"
    }

    /// Standard base64 (RFC 4648) with padding.
    public static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if count > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[index + 2]) }
            for position in 0..<4 {
                if position <= count {
                    output.append(alphabet[Int((group >> UInt32(18 - 6 * position)) & 0x3F)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
