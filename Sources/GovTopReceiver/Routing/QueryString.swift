/// The `key=value&...` pairs of a request target's query, percent-decoded (`+` is a space).
struct QueryString: Sendable, Equatable {
    var pairs: [(key: String, value: String)]

    /// Parses a query; a malformed percent escape or invalid UTF-8 is an error that names the part.
    init(_ query: Substring) throws(RequestFailure) {
        var pairs: [(key: String, value: String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decode(pieces[0], in: part)
            let value = pieces.count > 1 ? try Self.decode(pieces[1], in: part) : ""
            pairs.append((key, value))
        }
        self.pairs = pairs
    }

    /// The value of the first pair with this key.
    subscript(key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    static func == (lhs: QueryString, rhs: QueryString) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
    }

    private static func decode(_ text: Substring, in part: Substring) throws(RequestFailure) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else {
                    throw .badRequest("malformed percent escape in query parameter '\(part)'")
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .badRequest("query parameter '\(part)' is not valid UTF-8 after percent-decoding")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
