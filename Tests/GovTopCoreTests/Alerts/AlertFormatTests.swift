import Testing
@testable import GovTopCore

@Suite struct AlertFormatTests {
    @Test(arguments: [
        (0.0, "$0.00"), (4.2, "$4.20"), (0.0042, "$0.0042"), (999.999, "$1,000.00"),
        (1234567.891, "$1,234,567.89"), (-12.5, "-$12.50"), (Double.nan, "$?"),
    ])
    func usd(amount: Double, text: String) {
        #expect(AlertFormat.usd(amount) == text)
    }

    @Test(arguments: [
        (0.95, "95%"), (0.29, "29%"), (0.9996, "99.9%"), (0.8333, "83.3%"), (1.0, "100%"), (0.0, "0%"),
        (Double.infinity, "?%"),
    ])
    func percentIsCutToATenth(fraction: Double, text: String) {
        #expect(AlertFormat.percent(fraction) == text)
    }

    @Test(arguments: [
        (UInt64(0), "0s"), (45_000_000_000, "45s"), (720_000_000_000, "12m"), (12_000_000_000_000, "3h 20m"),
        (7_200_000_000_000, "2h"), (187_200_000_000_000, "2d 4h"), (UInt64.max, "213503d 23h"),
    ])
    func duration(nanoseconds: UInt64, text: String) {
        #expect(AlertFormat.duration(nanoseconds: nanoseconds) == text)
    }

    @Test(arguments: [(0.42, "0.42"), (87.5, "87.5"), (3.0, "3"), (-0.0001, "0"), (1234.0, "1234")])
    func number(value: Double, text: String) {
        #expect(AlertFormat.number(value) == text)
    }
}
