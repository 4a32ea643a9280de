import Testing
@testable import GovTopCore

@Suite struct TraceIDTests {
    @Test func hexRoundTripInEitherCase() {
        let id = TraceID(hex: "5B8EFFF798038103D269B633813FC60C")
        #expect(id?.hex == "5b8efff798038103d269b633813fc60c")
        #expect(TraceID(bytes: id!.bytes) == id)
        #expect(SpanID(hex: "EEE19B7EC3C1B174")?.hex == "eee19b7ec3c1b174")
    }

    @Test(arguments: ["", "abc", "5b8efff798038103d269b633813fc60", "5b8efff798038103d269b633813fc60cz", "zz8efff798038103d269b633813fc60c"])
    func rejectsMalformedHex(_ text: String) {
        #expect(TraceID(hex: text) == nil)
    }

    @Test func rejectsWrongByteCounts() {
        #expect(TraceID(bytes: [UInt8](repeating: 1, count: 15)) == nil)
        #expect(SpanID(bytes: [UInt8](repeating: 1, count: 9)) == nil)
        #expect(TraceID(high: 0, low: 0).isValid == false)
    }
}
