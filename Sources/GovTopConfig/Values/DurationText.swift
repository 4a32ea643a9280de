/// Durations as a configuration file writes them: a number of seconds (`90`, `1.5`) or a number
/// with a unit: `ms`, `s`, `m` (minutes) or `h` (`500ms`, `90s`, `5m`, `1h`).
public enum DurationText {
    static let units: [(name: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]

    /// The duration in seconds, or nil when the text is not a duration or is negative.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        let numberEnd = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "_")) } ?? trimmed.endIndex
        let unit = String(trimmed[numberEnd...]).trimmingWhitespace()
        guard let value = NumberText.number(String(trimmed[..<numberEnd])), value >= 0 else { return nil }
        if unit.isEmpty { return value }
        guard let match = units.first(where: { $0.name == unit }) else { return nil }
        return value * match.seconds
    }
}
