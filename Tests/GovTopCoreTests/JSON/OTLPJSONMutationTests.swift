import Testing
import GovTopCore

/// Damaged copies of a realistic payload: never a crash, and every error names its position.
@Suite struct OTLPJSONMutationTests {
    @Test func everyTruncationIsAnError() throws {
        let bytes = try JSONFixtures.bytes("genai-python-sdk-batch")
        let end = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
        for length in stride(from: 0, to: end, by: 7) {
            let failure = jsonDecodeFailure(bytes: Array(bytes[..<length]))
            #expect(failure?.contains(" at byte ") == true, "truncated to \(length): \(failure ?? "decoded")")
        }
    }

    @Test(arguments: 1...4)
    func corruptedBytesFailWithAPosition(seed: UInt64) throws {
        let original = try JSONFixtures.bytes("genai-python-sdk-batch")
        var random = SplitMix64(seed: seed)
        let replacements: [UInt8] = [0x00, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x80, 0xFF, 0xC3, 0x30, 0x2D, 0x6E]
        var failures = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] = replacements.randomElement(using: &random) ?? 0
            }
            if let failure = jsonDecodeFailure(bytes: bytes) {
                failures += 1
                #expect(failure.contains(" at byte "), "\(failure)")
            }
        }
        #expect(failures > 100)
    }
}
