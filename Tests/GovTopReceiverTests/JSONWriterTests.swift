import Foundation
import Testing
@testable import GovTopReceiver

@Suite struct JSONWriterTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("line\nreturn\rtab\tbell\u{07}", #""line\nreturn\rtab\tbell\u0007""#),
        ("\u{08}\u{0C}\u{00}\u{1F}", #""\b\f\u0000\u001f""#),
        ("unicode ✓ 日本 🚀", "\"unicode ✓ 日本 🚀\""),
        ("</script>", #""</script>""#),
    ])
    func escapesStrings(input: String, expected: String) {
        #expect(String(decoding: JSONValue.string(input).serialized, as: UTF8.self) == expected)
    }

    @Test func everyStringReadsBackThroughJSONSerialization() throws {
        let nasty = (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined() + "é\u{2028}𝄞"
        let bytes = JSONValue.array([.string(nasty)]).serialized
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
        #expect(parsed == [nasty])
    }

    @Test func writesNumbersBoolsNullAndNesting() {
        let value = JSONValue.object([
            ("int", .int(-42)), ("uint", .uint(UInt64.max)), ("double", .double(0.25)),
            ("integral", .double(3)), ("nan", .double(.nan)), ("inf", .double(-.infinity)),
            ("yes", .bool(true)), ("none", .null), ("list", .array([.int(1), .string("x"), .object([])])),
        ])
        let text = String(decoding: value.serialized, as: UTF8.self)
        #expect(text == #"{"int":-42,"uint":18446744073709551615,"double":0.25,"integral":3.0,"nan":null,"inf":null,"yes":true,"none":null,"list":[1,"x",{}]}"#)
    }

    @Test func smallAndLargeDoublesStayValidJSON() throws {
        for number in [1e-7, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 123456789.125] {
            let bytes = JSONValue.array([.double(number)]).serialized
            let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [Double]
            #expect(parsed == [number])
        }
    }
}
