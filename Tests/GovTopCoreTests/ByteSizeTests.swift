import Testing
import GovTopCore

@Suite struct ByteSizeTests {
    @Test(arguments: [("65536", 65536), ("64KiB", 65536), ("64k", 65536), ("512MiB", 512 << 20), ("1GiB", 1 << 30),
                      ("64MB", 64_000_000), ("2kb", 2000), ("1.5M", 1_572_864), (" 10 B ", 10), ("0", 0)])
    func parses(text: String, bytes: Int) {
        #expect(ByteSize(parsing: text)?.bytes == bytes)
    }

    @Test(arguments: ["", "abc", "-5", "10 parsecs", "1e400", "99999999999999999999GiB"])
    func rejects(text: String) {
        #expect(ByteSize(parsing: text) == nil)
    }

    @Test func describesInTheLargestExactUnit() {
        #expect(ByteSize(bytes: 64 << 20).description == "64MiB")
        #expect(ByteSize(bytes: 1000).description == "1000B")
    }
}
