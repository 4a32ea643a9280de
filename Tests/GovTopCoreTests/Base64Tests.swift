import Foundation
import Testing
import GovTopCore

@Suite struct Base64Tests {
    @Test(arguments: [
        ([UInt8](), ""), (Array("f".utf8), "Zg=="), (Array("fo".utf8), "Zm8="), (Array("foo".utf8), "Zm9v"),
        (Array("foobar".utf8), "Zm9vYmFy"), ([0xFF, 0xFE, 0x00], "//4A"),
    ])
    func encodesRFC4648Vectors(input: [UInt8], expected: String) {
        #expect(Base64.encode(input) == expected)
    }

    @Test func matchesFoundationForEveryLength() {
        for length in 0..<64 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
            #expect(Base64.encode(bytes) == Data(bytes).base64EncodedString())
        }
    }
}
