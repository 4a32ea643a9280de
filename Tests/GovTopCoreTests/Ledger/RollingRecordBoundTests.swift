import GovTopCore
import Testing

/// A rolling budget's record is read back from a store another program can write: text longer than
/// any record govtop writes is refused (the window starts empty) instead of split and parsed whole.
@Suite struct RollingRecordBoundTests {
    /// The longest record govtop can write: every slice of the window, every number at its widest.
    static let widest = RollingRecord(sliceNanos: .max, slices: (0..<RollingRecord.maxSlices).map { _ in
        RollingSlice(slice: .max, amount: Money(nanos: .max))
    })

    @Test func theWidestRecordFitsAndReadsBack() {
        let text = Self.widest.encoded
        #expect(text.utf8.count <= RollingRecord.maxEncodedBytes)
        #expect(RollingRecord(encoded: text) == Self.widest)
    }

    @Test func longerTextOrMoreSlicesAreRefused() {
        let slices = (0..<100_000).map { "\($0):1" }.joined(separator: ",")
        #expect(RollingRecord(encoded: "60;" + slices) == nil)
        let padded = "60;" + String(repeating: "1:1,", count: RollingRecord.maxEncodedBytes / 4) + "1:1"
        #expect(padded.utf8.count > RollingRecord.maxEncodedBytes)
        #expect(RollingRecord(encoded: padded) == nil)
        let oneSliceTooMany = "60;" + (0...RollingRecord.maxSlices).map { "\($0):1" }.joined(separator: ",")
        #expect(oneSliceTooMany.utf8.count <= RollingRecord.maxEncodedBytes)
        #expect(RollingRecord(encoded: oneSliceTooMany) == nil)
        #expect(RollingRecord(encoded: "60;" + (0..<RollingRecord.maxSlices).map { "\($0):1" }.joined(separator: ","))?
            .slices.count == RollingRecord.maxSlices)
    }
}
