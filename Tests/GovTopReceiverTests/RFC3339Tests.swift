import Foundation
import Testing
@testable import GovTopReceiver

@Suite struct RFC3339Tests {
    @Test(arguments: [
        (UInt64(0), "1970-01-01T00:00:00.000000000Z"),
        (UInt64(1_700_000_000_123_456_789), "2023-11-14T22:13:20.123456789Z"),
        (UInt64(951_782_400_000_000_001), "2000-02-29T00:00:00.000000001Z"),
        (UInt64(4_102_444_799_999_999_999), "2099-12-31T23:59:59.999999999Z"),
        (UInt64.max, "2554-07-21T23:34:33.709551615Z"),
    ])
    func formatsUnixNanos(nanos: UInt64, expected: String) {
        #expect(RFC3339.format(unixNanos: nanos) == expected)
    }

    @Test func agreesWithFoundationOnEveryDayOverFourCenturies() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withFullDate]
        for day in stride(from: 0, to: 146_097, by: 7) {
            let seconds = UInt64(day) * 86_400
            let ours = RFC3339.format(unixNanos: seconds * 1_000_000_000).prefix(10)
            let theirs = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(String(ours) == theirs, "day \(day)")
        }
    }
}
