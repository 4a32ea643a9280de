import Testing
@testable import GovTopReceiver

/// The token as a token file holds it, and how a presented credential is checked.
@Suite struct BearerTokenTests {
    @Test(arguments: ["abc123\n", "abc123\r\n", "  abc123  \n\n", "abc123"])
    func trailingLineBreaksAndSpacesAreNotPartOfTheToken(text: String) throws {
        let token = try BearerToken(fileText: text)
        #expect(token.check(authorization: "Bearer abc123") == .valid)
        #expect(token.check(authorization: "Bearer abc123\n") == .invalid)
    }

    @Test(arguments: ["", "\n", "  \r\n\t"])
    func anEmptyFileIsAnError(text: String) {
        #expect(throws: BearerTokenError.empty) { try BearerToken(fileText: text) }
    }

    @Test(arguments: ["two words", "tab\there", "é-accent", "bell\u{07}"])
    func aTokenIsOneWordOfVisibleASCII(text: String) {
        #expect(throws: BearerTokenError.invisibleCharacters) { try BearerToken(fileText: text) }
    }

    @Test func aTokenHasALimit() throws {
        _ = try BearerToken(fileText: String(repeating: "a", count: BearerToken.maximumLength))
        #expect(throws: BearerTokenError.tooLong(BearerToken.maximumLength + 1)) {
            try BearerToken(fileText: String(repeating: "a", count: BearerToken.maximumLength + 1))
        }
    }

    @Test(arguments: [
        (nil, BearerToken.Credential.missing), ("Bearer abc123", .valid), ("bearer abc123", .valid), ("Bearer    abc123", .valid),
        ("Bearer abc12", .invalid), ("Bearer abc1234", .invalid), ("Bearer ABC123", .invalid), ("Basic abc123", .invalid),
        ("abc123", .invalid), ("Bearer", .invalid), ("Bearerabc123", .invalid), ("", .invalid), ("Bearer xbc123", .invalid),
    ] as [(String?, BearerToken.Credential)])
    func credentials(authorization: String?, expected: BearerToken.Credential) throws {
        #expect(try BearerToken(fileText: "abc123").check(authorization: authorization) == expected)
    }

    @Test func theTokenNeverAppearsInADescription() throws {
        let token = try BearerToken(fileText: "hunter2-secret")
        #expect(!String(describing: token).contains("hunter2"))
        #expect(!String(reflecting: token).contains("hunter2"))
        var configuration = ReceiverConfiguration()
        configuration.access = AccessControl(token: token)
        #expect(!String(describing: configuration).contains("hunter2"))
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains("hunter2") && !dumped.contains("104"))
    }
}
