@testable import GovTopCore
import Testing

/// The wire reader and its helpers, below the OTLP messages.
@Suite struct ProtoReaderTests {
    private func withReader(_ bytes: [UInt8], _ body: (inout ProtoReader) throws -> Void) throws {
        try bytes.withUnsafeBytes { buffer in
            var reader = ProtoReader(base: buffer.baseAddress!, position: 0, end: buffer.count, message: .span, maxGroupDepth: 8)
            try body(&reader)
        }
    }

    @Test(arguments: [0, 1, 127, 128, 300, 16_383, 16_384, UInt64(UInt32.max), UInt64(1) << 63, UInt64.max])
    func varintsRoundTrip(_ value: UInt64) throws {
        try withReader(Wire.varintField(3, value) + [0]) { (reader: inout ProtoReader) throws in
            let tag = try #require(try reader.nextTag())
            #expect(tag.number == 3 && tag.wireType == .varint && tag.offset == 0)
            #expect(try reader.readVarint(tag) == value)
            #expect(reader.position == Wire.varintField(3, value).count)
        }
    }

    @Test func fixedWidthValuesAreLittleEndian() throws {
        try withReader(Wire.fixed64Field(1, 0x0102_0304_0506_0708) + Wire.fixed32Field(2, 0xA0B0_C0D0)) { (reader: inout ProtoReader) throws in
            #expect(try reader.readFixed64(try #require(try reader.nextTag())) == 0x0102_0304_0506_0708)
            #expect(try reader.readFixed32(try #require(try reader.nextTag())) == 0xA0B0_C0D0)
            #expect(try reader.nextTag() == nil)
        }
    }

    @Test func largeFieldNumbersAndMultiByteTags() throws {
        try withReader(Wire.varintField(536_870_911, 5) + Wire.varintField(16, 1)) { (reader: inout ProtoReader) throws in
            let first = try #require(try reader.nextTag())
            #expect(first.number == 536_870_911)
            try reader.skip(first)
            let second = try #require(try reader.nextTag())
            #expect(second.number == 16 && second.offset == Wire.varintField(536_870_911, 5).count)
        }
    }

    /// Skipping each wire type lands exactly on the next field, also across nested groups.
    @Test func skipsEveryWireType() throws {
        let fields: [[UInt8]] = [
            Wire.varintField(1, .max), Wire.fixed64Field(2, 9), Wire.fixed32Field(3, 9), Wire.lengthDelimited(4, [1, 2, 3]),
            Wire.group(5, Wire.varintField(1, 1) + Wire.group(6, Wire.lengthDelimited(7, [0x0B])) + Wire.fixed32Field(8, 1)),
            Wire.group(9, []),
        ]
        try withReader(fields.flatMap { $0 } + Wire.varintField(15, 42)) { (reader: inout ProtoReader) throws in
            for _ in fields { try reader.skip(try #require(try reader.nextTag())) }
            let last = try #require(try reader.nextTag())
            #expect(last.number == 15)
            #expect(try reader.readVarint(last) == 42)
        }
    }

    @Test func groupsDeeperThanTheReaderLimitAreRejected() {
        let nested = (0..<9).reduce([UInt8]()) { body, _ in Wire.group(2, body) }
        #expect(throws: OTLPDecodeError("groups nested deeper than 8 levels in Span at byte 8")) {
            try withReader(nested) { (reader: inout ProtoReader) throws in try reader.skip(try #require(try reader.nextTag())) }
        }
    }

    /// A tenth varint byte above 1 overflows 64 bits; like swift-protobuf the extra bits are dropped.
    @Test func tenByteVarintDropsOverflowBits() throws {
        try withReader([0x08] + [UInt8](repeating: 0xFF, count: 9) + [0x7F]) { (reader: inout ProtoReader) throws in
            #expect(try reader.readVarint(try #require(try reader.nextTag())) == .max)
        }
    }

    /// Every one- and two-byte sequence, and random longer ones, judged like the standard library.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        func agrees(_ bytes: [UInt8]) -> Bool {
            let ours = bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
            let ascii = bytes.withUnsafeBytes { UTF8Validation.isASCII($0) }
            let reference = String(validating: bytes, as: UTF8.self) != nil
            return ours == reference && ascii == bytes.allSatisfy { $0 < 0x80 }
        }
        var disagreements: [[UInt8]] = []
        for first in 0...255 {
            if !agrees([UInt8(first)]) { disagreements.append([UInt8(first)]) }
            for second in 0...255 where !agrees([UInt8(first), UInt8(second)]) {
                disagreements.append([UInt8(first), UInt8(second)])
            }
        }
        var random = SplitMix64(seed: 9)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<50_000 {
            let bytes = (0..<random.int(3...12)).map { _ in random.pick(interesting) }
            if !agrees(bytes) { disagreements.append(bytes) }
        }
        #expect(disagreements.isEmpty, "first: \(disagreements.prefix(3))")
    }

    @Test func wellKnownKeysAreFoundByTheirBytesOnly() {
        let keys = WellKnownKeys.shared
        func lookup(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBytes { keys.lookup($0.baseAddress!, count: $0.count) }
        }
        let long = WellKnownKeys.catalog.filter { $0.utf8.count >= 8 }
        #expect(long.count > 150)
        #expect(long.allSatisfy { lookup($0) == $0 })
        #expect(lookup("gen_ai.usage.input_tokenz") == nil)
        #expect(lookup("gen_ai.usage.input_tokens.") == nil)
        #expect(lookup("Gen_ai.usage.input_tokens") == nil)
        #expect(lookup("gen_ai.usage.inpuT_tokens") == nil)
        #expect(lookup("service.nam") == nil)
    }

    /// Keys that agree in length and in their first and last eight bytes share a hash.
    @Test func keysWithTheSameHashAreToldApart() {
        let table = WellKnownKeys(keys: ["abcdefgh-1-ijklmnop", "abcdefgh-2-ijklmnop", "abcdefgh-3-ijklmnop"])
        func lookup(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBytes { table.lookup($0.baseAddress!, count: $0.count) }
        }
        #expect(lookup("abcdefgh-2-ijklmnop") == "abcdefgh-2-ijklmnop")
        #expect(lookup("abcdefgh-3-ijklmnop") == "abcdefgh-3-ijklmnop")
        #expect(lookup("abcdefgh-4-ijklmnop") == nil)
    }

    /// `fieldCounts` steps over simple fields in a loop of its own: on valid and broken messages
    /// alike it counts what a walk with `nextTag` and `skip` counts (up to the first bad field).
    @Test func fieldCountsMatchAWalkOfTheGeneralReader() throws {
        var random = SplitMix64(seed: 0xF1E1_D000)
        func varint(_ value: UInt64) -> [UInt8] {
            var bytes: [UInt8] = [], rest = value
            while rest >= 0x80 { bytes.append(UInt8(rest & 0x7F) | 0x80); rest >>= 7 }
            return bytes + [UInt8(rest)]
        }
        func field() -> [UInt8] {
            let number = UInt64(random.chance(0.9) ? random.int(1...15) : random.int(16...70_000))
            let wire = UInt64(random.chance(0.95) ? [0, 1, 2, 5].randomElement(using: &random)! : random.int(3...7))
            var bytes = varint(number << 3 | wire)
            switch wire {
            case 0: bytes += varint(random.next() >> UInt64(random.int(0...63)))
            case 1: bytes += (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            case 5: bytes += (0..<4).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            case 2:
                let length = random.chance(0.8) ? random.int(0...40) : random.int(100...20_000)
                bytes += varint(UInt64(length)) + (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            default: break
            }
            return bytes
        }
        for round in 0..<2_000 {
            var bytes = (0..<random.int(0...30)).flatMap { _ in field() }
            if round % 2 == 1, !bytes.isEmpty { // broken: a byte changed, or the message cut short
                if random.chance(0.5) { bytes[random.int(0...(bytes.count - 1))] = UInt8(truncatingIfNeeded: random.next()) }
                else { bytes.removeLast(random.int(1...min(12, bytes.count))) }
            }
            let numbers = (random.int(1...15), random.int(1...15), random.int(1...20))
            try withReader(bytes) { (reader: inout ProtoReader) throws in
                var walker = reader
                var expected = (0, 0, 0)
                while let tag = try? walker.nextTag() {
                    if tag.number == numbers.0 { expected.0 += 1 } else if tag.number == numbers.1 { expected.1 += 1 }
                    else if tag.number == numbers.2 { expected.2 += 1 }
                    guard (try? walker.skip(tag)) != nil else { break }
                }
                let counts = reader.fieldCounts(numbers.0, numbers.1, numbers.2)
                #expect(counts == expected, "round \(round): \(bytes.count) bytes")
            }
        }
    }
}
