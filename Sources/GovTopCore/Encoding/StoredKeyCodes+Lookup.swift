/// Finding a key's stored code without hashing the `String`: the payload encoder asks for every
/// attribute of every span. Keys of 8 bytes or more are found by their bytes in the decoder's
/// well-known key table (every stored key that long is in it); shorter ones are compared directly.
extension StoredKeyCodes {
    /// The tables the lookup reads. A payload writer keeps one for its batch: reading them through
    /// the statics ran each static's one-time-initialization check (`swift_once`) for every
    /// attribute, ~2% of ingest's samples.
    struct Lookup: Sendable {
        let wellKnown: WellKnownKeys
        /// The code of each well-known key, by its table position (`WellKnownKeys.entry`).
        let codeByEntry: [UInt8?]
        private let shortCodes: [(key: String, code: UInt8)]
        /// By key code: whether the key's string values are coded (`hasEnumeratedValues`).
        let hasEnumeratedValues: [Bool]

        fileprivate init() {
            wellKnown = WellKnownKeys.shared
            codeByEntry = wellKnown.keys.map { codes[$0] }
            let covered = Set(wellKnown.keys)
            precondition(codes.keys.allSatisfy { $0.utf8.count < 8 || covered.contains($0) },
                         "every stored key of 8 bytes or more must be in WellKnownKeys.catalog")
            shortCodes = codes.filter { $0.key.utf8.count < 8 }.map { ($0.key, $0.value) }.sorted { $0.code < $1.code }
            hasEnumeratedValues = StoredKeyCodes.hasEnumeratedValues
        }

        /// The key's one-byte code, or nil when it is spelled out in full (the same answer as `codes[key]`).
        @inline(__always)
        func code(of key: String) -> UInt8? {
            if let entry = wellKnown.entry(identicalTo: key) { return codeByEntry[entry] } // a decoded key
            return code(spelled: key)
        }

        /// `code(of:)` of a key that is not one of the well-known key table's own strings.
        func code(spelled key: String) -> UInt8? {
            var key = key
            return key.withUTF8 { bytes -> UInt8? in
                guard let base = bytes.baseAddress else { return nil }
                if bytes.count < 8 { return shortCodes.first { $0.key.utf8.elementsEqual(bytes) }?.code }
                return wellKnown.entry(UnsafeRawPointer(base), count: bytes.count).flatMap { codeByEntry[$0] }
            }
        }
    }

    static let lookup = Lookup()

    /// The key's one-byte code, or nil when it is spelled out in full (the same answer as `codes[key]`).
    static func code(of key: String) -> UInt8? {
        lookup.code(of: key)
    }
}
