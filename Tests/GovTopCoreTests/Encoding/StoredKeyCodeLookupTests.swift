import Testing
@testable import GovTopCore

/// The payload encoder's byte lookup of key codes gives exactly the dictionary's answers.
@Suite struct StoredKeyCodeLookupTests {
    @Test(arguments: StoredKeyCodes.keys)
    func everyStoredKeyFindsItsCode(key: String) {
        #expect(StoredKeyCodes.code(of: key) == StoredKeyCodes.codes[key])
        #expect(StoredKeyCodes.code(of: key) != nil)
    }

    @Test(arguments: ["", "a", "user.i", "user.idx", "genops.tea", "genops.teams", "genops.team.", "GENOPS.TEAM",
                      "gen_ai.usage.input_tokens_", "x".padding(toLength: 300, withPad: "y", startingAt: 0), "genops.téam"])
    func otherKeysAreSpelledOut(key: String) {
        #expect(StoredKeyCodes.codes[key] == nil)
        #expect(StoredKeyCodes.code(of: key) == nil)
    }
}
