/// The shared secret a client presents as `Authorization: Bearer <token>` (HTTP) or `authorization`
/// metadata (gRPC). It never appears in a description, so it cannot leak into logs or messages.
public struct BearerToken: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// Longest token accepted; a token file is a line, not a document.
    public static let maximumLength = 4096

    private let bytes: [UInt8]

    /// The token as a token file holds it: trailing line breaks (and surrounding spaces) are
    /// dropped; what is left must be 1 to `maximumLength` visible ASCII characters, as an HTTP
    /// header can carry it.
    public init(fileText text: String) throws(BearerTokenError) {
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        let bytes = Array(trimmed.utf8)
        guard bytes.count <= Self.maximumLength else { throw .tooLong(bytes.count) }
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { throw .invisibleCharacters }
        self.bytes = bytes
    }

    public var description: String { "BearerToken(redacted)" }
    /// No children: `dump` and debuggers show no bytes either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Whether `presented` is this token, in time that depends only on this token's length (never on
    /// how much of `presented` matches), so timing reveals nothing of the token.
    func matches(_ presented: some Collection<UInt8>) -> Bool {
        let presented = Array(presented)
        var difference: UInt8 = presented.count == bytes.count ? 0 : 1
        for index in bytes.indices {
            let other = index < presented.count ? presented[index] : 0
            difference |= bytes[index] ^ other
        }
        return difference == 0
    }

    /// What an `Authorization` header (or gRPC `authorization` metadata) proves.
    func check(authorization: String?) -> Credential {
        guard let authorization else { return .missing }
        let value = authorization.utf8
        let scheme = "bearer ".utf8
        guard value.count > scheme.count,
              zip(value.prefix(scheme.count), scheme).allSatisfy({ ($0 | 0x20) == $1 }) else { return .invalid }
        let token = value.dropFirst(scheme.count).drop { $0 == UInt8(ascii: " ") }
        return matches(token) ? .valid : .invalid
    }

    /// The outcome of checking a request's credentials.
    enum Credential: Equatable {
        /// No `Authorization` at all.
        case missing
        /// Not `Bearer <this token>`.
        case invalid
        case valid
    }
}

/// Why a token file's text is not a usable token.
public enum BearerTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case invisibleCharacters

    public var description: String {
        switch self {
        case .empty: "is empty; put the token on its first line (for example: openssl rand -hex 32 > FILE)"
        case .tooLong(let count): "holds \(count) bytes; a token is at most \(BearerToken.maximumLength)"
        case .invisibleCharacters:
            "holds spaces, control characters or non-ASCII characters inside the token; a token is one word of visible ASCII characters"
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (ASCII only: the token file's
    /// trailing newline is the usual case).
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
