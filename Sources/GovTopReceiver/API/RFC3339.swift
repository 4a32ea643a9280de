/// Formats Unix nanoseconds as an RFC 3339 UTC timestamp with nine fractional digits,
/// e.g. `2024-05-01T12:00:00.123456789Z`. Exact: no floating point is involved.
package enum RFC3339 {
    package static func format(unixNanos: UInt64) -> String {
        let seconds = unixNanos / 1_000_000_000
        let nanos = unixNanos % 1_000_000_000
        let days = Int64(seconds / 86_400)
        let secondOfDay = seconds % 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
            + "T" + pad(Int64(secondOfDay / 3600), 2) + ":" + pad(Int64(secondOfDay / 60 % 60), 2)
            + ":" + pad(Int64(secondOfDay % 60), 2) + "." + pad(Int64(nanos), 9) + "Z"
    }

    /// Proleptic Gregorian date of a day count from 1970-01-01 (the days-from-civil inverse,
    /// computed in 400-year eras).
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
