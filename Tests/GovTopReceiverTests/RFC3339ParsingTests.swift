@testable import GovTopReceiver
import Testing

/// `from` and `to` of /api/v1/history: RFC 3339 in, Unix seconds out; anything else is refused.
@Suite struct RFC3339ParsingTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2026-01-31T12:00:00Z", Int64(1_769_860_800)),
        ("2026-01-31t12:00:00.999999999z", Int64(1_769_860_800)),
        ("2026-01-31 13:30:00+01:30", Int64(1_769_860_800)),
        ("2026-01-31T10:00:00-02:00", Int64(1_769_860_800)),
        ("2000-02-29T00:00:00Z", Int64(951_782_400)),
        ("1969-12-31T23:59:59Z", Int64(-1)),
    ])
    func readsTimestamps(_ text: String, _ seconds: Int64) {
        #expect(RFC3339.parseSeconds(Substring(text)) == seconds)
    }

    @Test(arguments: ["", "yesterday", "2026-01-31", "2026-01-31T12:00:00", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
                      "2026-01-31T24:00:00Z", "2026-01-31T12:00:00.Z", "2026-01-31T12:00:00+0100", "2026-01-31T12:00:00Zjunk",
                      "2025-02-29T00:00:00Z", "２０２６-01-31T12:00:00Z"])
    func refusesAnythingElse(_ text: String) {
        #expect(RFC3339.parseSeconds(Substring(text)) == nil)
    }

    @Test func formattingAndParsingAgree() {
        for seconds: Int64 in [0, 86_399, 951_782_400, 1_800_000_000, 4_102_444_800] {
            #expect(RFC3339.parseSeconds(Substring(RFC3339.format(unixNanos: UInt64(seconds) * 1_000_000_000))) == seconds)
        }
    }
}
