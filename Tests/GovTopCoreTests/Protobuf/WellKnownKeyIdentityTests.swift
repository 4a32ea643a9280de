import Testing
@testable import GovTopCore

/// `WellKnownKeys.entry(identicalTo:)`: the table's own strings are found by their bits, and any
/// other string with the same text is found by its bytes, with the same answers downstream.
@Suite struct WellKnownKeyIdentityTests {
    let table = WellKnownKeys.shared

    /// The same text in a string of its own storage (not the table's).
    private func respelled(_ key: String) -> String {
        String(decoding: Array(key.utf8), as: UTF8.self)
    }

    @Test func everyTableStringIsFoundByItsBitsAtItsOwnPosition() {
        #expect(!table.keys.isEmpty)
        for (position, key) in table.keys.enumerated() {
            #expect(table.entry(identicalTo: key) == position, "\(key)")
        }
    }

    @Test func aLongKeyWithItsOwnStorageIsNotFoundByBitsButIsByBytes() throws {
        let long = try #require(table.keys.first { $0.utf8.count > 15 })
        let copy = respelled(long)
        #expect(table.entry(identicalTo: copy) == nil)
        var bytes = copy
        let position = bytes.withUTF8 { table.entry(UnsafeRawPointer($0.baseAddress!), count: $0.count) }
        #expect(position == table.keys.firstIndex(of: long))
    }

    @Test func aliasesAndKeyCodesDoNotDependOnWhoSpelledTheKey() {
        for key in table.keys + ["gen_ai.system", "genops.team", "service.name", "not.a.known.key.at.all", "x"] {
            let copy = respelled(key)
            #expect(SemanticAliases.alias(copy)?.fact == SemanticAliases.alias(key)?.fact, "\(key)")
            #expect(SemanticAliases.alias(copy)?.rank == SemanticAliases.alias(key)?.rank, "\(key)")
            #expect(StoredKeyCodes.code(of: copy) == StoredKeyCodes.code(of: key), "\(key)")
            #expect(StoredKeyCodes.code(of: copy) == StoredKeyCodes.codes[key], "\(key)")
        }
    }

    @Test func aStringThatIsNoKeyIsNotFound() {
        #expect(table.entry(identicalTo: "genops.team.but.longer.than.any.key") == nil)
        #expect(table.entry(identicalTo: "") == nil)
    }
}
