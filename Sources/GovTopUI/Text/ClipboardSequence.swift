import GovTopCore

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
        return "\u{1B}]52;c;" + Base64.encode(bytes) + "\u{07}"
    }
}
