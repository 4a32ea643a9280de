/// Finding a key's stored code without hashing the `String`: the payload encoder asks for every
/// attribute of every span. Keys of 8 bytes or more are found by their bytes in the decoder's
/// well-known key table (every stored key that long is in it); shorter ones are compared directly.
extension StoredKeyCodes {
    /// The key's one-byte code, or nil when it is spelled out in full (the same answer as `codes[key]`).
    @inline(__always)
    static func code(of key: String) -> UInt8? {
        if let entry = WellKnownKeys.shared.entry(identicalTo: key) { return codeByEntry[entry] } // a decoded key
        var key = key
        return key.withUTF8 { bytes -> UInt8? in
            guard let base = bytes.baseAddress else { return nil }
            if bytes.count < 8 { return shortCodes.first { $0.key.utf8.elementsEqual(bytes) }?.code }
            return WellKnownKeys.shared.entry(UnsafeRawPointer(base), count: bytes.count).flatMap { codeByEntry[$0] }
        }
    }

    private static let shortCodes: [(key: String, code: UInt8)] =
        codes.filter { $0.key.utf8.count < 8 }.map { ($0.key, $0.value) }.sorted { $0.code < $1.code }

    private static let codeByEntry: [UInt8?] = {
        let table = WellKnownKeys.shared.keys.map { codes[$0] }
        let covered = Set(WellKnownKeys.shared.keys)
        precondition(codes.keys.allSatisfy { $0.utf8.count < 8 || covered.contains($0) },
                     "every stored key of 8 bytes or more must be in WellKnownKeys.catalog")
        return table
    }()
}
