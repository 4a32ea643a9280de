import GovTopCore
import Testing

/// A budget's burn record is read back from a store another program can write: text longer than any
/// record govtop writes is refused (the burn starts empty) instead of parsed into an unbounded list.
@Suite struct BurnRecordBoundTests {
    /// The longest record govtop can write: 16 minutes, every number at its widest.
    static let widest = BurnRecord(observedSince: .max, minutes: (0..<16).map { _ in
        BurnMinute(minute: .max, amount: Money(nanos: .max))
    })

    @Test func theWidestRecordFitsAndReadsBack() {
        let text = Self.widest.encoded
        #expect(text.utf8.count <= BurnRecord.maxEncodedBytes)
        #expect(BurnRecord(encoded: text) == Self.widest)
    }

    @Test func longerTextIsRefused() {
        let minutes = (0..<100_000).map { "\($0):1" }.joined(separator: ",")
        #expect(BurnRecord(encoded: "0;" + minutes) == nil)
        let padded = "0;" + String(repeating: "1:1,", count: BurnRecord.maxEncodedBytes / 4) + "1:1"
        #expect(padded.utf8.count > BurnRecord.maxEncodedBytes)
        #expect(BurnRecord(encoded: padded) == nil)
    }
}
