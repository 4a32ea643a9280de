/// One-byte codes for the attribute keys common enough in GenAI telemetry to be stored as a code
/// instead of their text: the alias keys of SEMANTICS.md and the decoder's catalog of well-known keys.
enum StoredKeyCodes {
    static let keys: [String] = {
        var seen = Set<String>()
        let keys = (SemanticAliases.table.flatMap(\.keys) + WellKnownKeys.catalog).filter { seen.insert($0).inserted }
        precondition(keys.count < 255, "stored key codes must fit in one byte")
        return keys
    }()

    static let codes: [String: UInt8] = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, UInt8($0)) })

    /// Marks a key spelled out in full.
    static let literal: UInt8 = 255
}
