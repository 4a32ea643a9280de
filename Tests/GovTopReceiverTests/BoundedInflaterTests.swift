import Testing
@testable import GovTopReceiver

@Suite struct BoundedInflaterTests {
    static let text = Array(String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 5000).utf8)

    private func inflate(_ bytes: [UInt8], _ encoding: ContentEncoding, limit: Int) throws(InflateError) -> [UInt8] {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(InflateError) in try BoundedInflater.inflate(buffer, encoding: encoding, limit: limit) }
        }
        return try result.get()
    }

    @Test(arguments: [(Zlib.Framing.gzip, ContentEncoding.gzip), (.zlib, .deflate), (.raw, .deflate)])
    func roundTrips(framing: Zlib.Framing, encoding: ContentEncoding) throws {
        #expect(try inflate(Zlib.compress(Self.text, framing), encoding, limit: 1 << 20) == Self.text)
    }

    @Test func acceptsConcatenatedGzipMembers() throws {
        let first = Array("first member, ".utf8)
        let second = Array("second member".utf8)
        let body = Zlib.compress(first, .gzip) + Zlib.compress(second, .gzip)
        #expect(try inflate(body, .gzip, limit: 1024) == first + second)
    }

    @Test func outputExactlyAtTheLimitIsAcceptedAndCapacityStaysWithinIt() throws {
        let size = 3 << 20
        let bomb = Zlib.bomb(decompressedSize: size)
        let output = try inflate(bomb, .gzip, limit: size)
        #expect(output.count == size)
        // Capacity never outgrows the limit (plus the allocator's page rounding).
        #expect(output.capacity <= size + 4096)
    }

    @Test func bombFailsOnceTheLimitIsPassed() {
        let bomb = Zlib.bomb(decompressedSize: 64 << 20)
        #expect(bomb.count < 128 << 10)
        #expect(throws: InflateError.tooLarge(limit: 1 << 20)) { try inflate(bomb, .gzip, limit: 1 << 20) }
        #expect(throws: InflateError.tooLarge(limit: (3 << 20) - 1)) {
            try inflate(Zlib.bomb(decompressedSize: 3 << 20), .gzip, limit: (3 << 20) - 1)
        }
    }

    @Test func identityIsBoundedToo() throws {
        #expect(try inflate([1, 2, 3], .identity, limit: 3) == [1, 2, 3])
        #expect(throws: InflateError.tooLarge(limit: 2)) { try inflate([1, 2, 3], .identity, limit: 2) }
    }

    @Test func truncatedAndCorruptStreamsAreErrorsNotCrashes() {
        let gzip = Zlib.compress(Self.text, .gzip)
        #expect(throws: InflateError.corrupt("compressed data is truncated")) {
            try inflate(Array(gzip.prefix(gzip.count / 2)), .gzip, limit: 1 << 20)
        }
        #expect(throws: InflateError.self) { try inflate(Array("not gzip at all".utf8), .gzip, limit: 1 << 20) }
        #expect(throws: InflateError.self) { try inflate(Array(repeating: 0xFF, count: 100), .deflate, limit: 1 << 20) }
        var flipped = gzip
        flipped[flipped.count - 6] ^= 0xFF  // breaks the CRC-32 in the trailer
        #expect(throws: InflateError.self) { try inflate(flipped, .gzip, limit: 1 << 20) }
    }

    @Test func zlibTrailingGarbageIsAnError() {
        let body = Zlib.compress(Self.text, .zlib) + [1, 2, 3]
        #expect(throws: InflateError.corrupt("3 bytes of trailing data after the compressed stream")) {
            try inflate(body, .deflate, limit: 1 << 20)
        }
    }

    @Test func emptyInputInflatesToNothing() throws {
        #expect(try inflate([], .gzip, limit: 10).isEmpty)
    }
}
