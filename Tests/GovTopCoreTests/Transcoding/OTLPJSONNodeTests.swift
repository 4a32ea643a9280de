import GovTopCore
import Testing

@Suite struct OTLPJSONNodeTests {
    @Test func parsesInOrderWithCamelCaseKeysAndNumbersVerbatim() throws {
        let text = #"{ "resource_logs": [ {"scope_logs": [], "x": 1.50e3, "key": "a_b", "t": true, "n": null } ] }"#
        let node = try Array(text.utf8).withUnsafeBytes { try OTLPJSONNode.parse($0) }
        #expect(String(decoding: node.encoded(), as: UTF8.self) == #"{"resourceLogs":[{"scopeLogs":[],"x":1.50e3,"key":"a_b","t":true,"n":null}]}"#)
    }

    @Test(arguments: ["{", #"{"a":}"#, "[1,]", #"{"a":1} x"#, "\"\u{1}\""])
    func malformedJSONIsAnError(_ text: String) {
        #expect(throws: OTLPDecodeError.self) {
            try Array(text.utf8).withUnsafeBytes { try OTLPJSONNode.parse($0) }
        }
    }

    @Test func controlCharactersAreEscapedOnOutput() {
        let node = OTLPJSONNode.object([.init("k\u{1B}", .string("a\nb\u{9B}c"))])
        #expect(String(decoding: node.encoded(), as: UTF8.self) == #"{"k\u001b":"a\nb\u009bc"}"#)
    }
}
