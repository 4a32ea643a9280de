import Testing
@testable import GovTopUI

/// The spelling of money, counts, durations and times on screen.
@Suite struct ViewFormatTests {
    @Test(arguments: [
        (0.0, "$0.00"), (0.0032, "$0.0032"), (0.00004, "<$0.0001"), (0.0099, "$0.0099"), (0.01, "$0.01"),
        (12.345, "$12.35"), (999.99, "$999.99"), (999.996, "$1.0k"), (1234, "$1.2k"), (98_765, "$98.8k"),
        (999_960, "$1.0M"), (3_400_000, "$3.4M"), (-2.5, "-$2.50"), (-0.0032, "-$0.0032"),
        (.nan, "$?"), (.infinity, "$∞"), (1e300, "$∞"),
    ])
    func money(amount: Double, expected: String) {
        #expect(ViewFormat.usd(amount) == expected)
    }

    @Test(arguments: [
        (Int64(0), "0"), (999, "999"), (1000, "1.0k"), (12_345, "12.3k"), (999_949, "999.9k"), (999_950, "1.0M"),
        (1_234_567, "1.2M"), (3_400_000_000, "3.4B"), (-12_345, "-12.3k"), (Int64.min, "-9.2E"), (Int64.max, "9.2E"),
    ])
    func tokens(value: Int64, expected: String) {
        #expect(ViewFormat.count(value) == expected)
    }

    @Test(arguments: [
        (0.42, "0.4ms"), (9.94, "9.9ms"), (9.96, "10ms"), (850, "850ms"), (999.6, "1.00s"), (1250, "1.25s"),
        (12_400, "12.4s"), (59_960, "1m00s"), (123_000, "2m03s"), (3_723_000, "1h02m"), (90_000_000, "1d1h"),
        (-1, "?"), (.nan, "?"), (.infinity, "?"),
    ])
    func durations(ms: Double, expected: String) {
        #expect(ViewFormat.duration(milliseconds: ms) == expected)
    }

    @Test func relativeTimes() {
        let now: UInt64 = 1_000_000 * 1_000_000_000
        let second: UInt64 = 1_000_000_000
        #expect(ViewFormat.ago(now, now: now) == "now")
        #expect(ViewFormat.ago(now + 5 * second, now: now) == "now")
        #expect(ViewFormat.ago(now - 12 * second, now: now) == "12s ago")
        #expect(ViewFormat.ago(now - 150 * second, now: now) == "2m ago")
        #expect(ViewFormat.ago(now - 3 * 3600 * second, now: now) == "3h ago")
        #expect(ViewFormat.ago(now - 50 * 3600 * second, now: now) == "2d ago")
        #expect(ViewFormat.until(now + (3 * 3600 + 12 * 60 + 5) * second, now: now) == "3h12m")
        #expect(ViewFormat.until(now + 45 * second, now: now) == "45s")
        #expect(ViewFormat.until(now - 45 * second, now: now) == "0s")
    }

    @Test func clockTimesHonourTheOffsetAndWrapAroundMidnight() {
        let instant: UInt64 = 1_800_000_000 * 1_000_000_000 + 5 * 60 * 1_000_000_000 + 7_000_000_000
        #expect(ViewFormat.clock(instant, utcOffsetSeconds: 0) == "08:05:07")
        #expect(ViewFormat.clock(instant, utcOffsetSeconds: 0, seconds: false) == "08:05")
        #expect(ViewFormat.clock(instant, utcOffsetSeconds: 16 * 3600 + 1800) == "00:35:07")
        #expect(ViewFormat.clock(instant, utcOffsetSeconds: -9 * 3600) == "23:05:07")
        #expect(ViewFormat.clock(0, utcOffsetSeconds: Int.min) == "00:00:00")
    }

    @Test(arguments: [(0.0, "0%"), (0.29, "29%"), (0.996, "99%"), (1.648, "164%"), (Double.nan, "?%")])
    func percentages(fraction: Double, expected: String) {
        #expect(ViewFormat.percent(fraction) == expected)
    }

    @Test(arguments: [(0.5, "0.5"), (12.5, "13"), (999.4, "999"), (999.6, "1.0k"), (15_000, "15.0k")])
    func rates(value: Double, expected: String) {
        #expect(ViewFormat.rate(value) == expected)
    }
}
