import GovTopCore

/// What the History screen shows, read from the ledger of record by the app loop: spend per day
/// (at least the last 30 days, from the start of the month) and per hour (the last 48 hours), per
/// group of one dimension, as of `now` (Unix seconds).
public struct HistoryFrame: Sendable, Hashable {
    public var dimension: Dimension
    public var days: HistoryAnswer
    public var hours: HistoryAnswer
    public var now: Int64

    public init(dimension: Dimension, days: HistoryAnswer, hours: HistoryAnswer, now: Int64) {
        self.dimension = dimension
        self.days = days
        self.hours = hours
        self.now = now
    }

    /// The two queries for `now`: days from 30 days back or the month's first day, whichever is
    /// earlier, and the 48 hours up to the current one.
    public static func queries(dimension: Dimension, now: Int64) -> (days: HistoryQuery, hours: HistoryQuery) {
        let today = HistoryQuery.floor(now, to: .day)
        let monthStart = MonthMath.start(of: now)
        let days = HistoryQuery(dimension: dimension, bucket: .day, from: min(today - 29 * 86_400, monthStart), to: today + 86_400)
        let hour = HistoryQuery.floor(now, to: .hour)
        let hours = HistoryQuery(dimension: dimension, bucket: .hour, from: hour - 47 * 3600, to: hour + 3600)
        return (days, hours)
    }

    /// Groups in the order the screen lists them: most expensive over the days shown first.
    public var keys: [String] { days.series.map(\.key) }
}

/// UTC calendar months, for month-to-date and the month-end projection.
enum MonthMath {
    /// The first instant (Unix seconds) of the UTC month containing `seconds`.
    static func start(of seconds: Int64) -> Int64 {
        let (year, month) = yearMonth(seconds)
        return days(year: year, month: month, day: 1) * 86_400
    }

    /// The first instant of the next month.
    static func end(of seconds: Int64) -> Int64 {
        let (year, month) = yearMonth(seconds)
        return month == 12 ? days(year: year + 1, month: 1, day: 1) * 86_400 : days(year: year, month: month + 1, day: 1) * 86_400
    }

    private static func yearMonth(_ seconds: Int64) -> (Int64, Int64) {
        var low = Int64(1970), high = Int64(1970) + max(0, seconds) / (365 * 86_400) + 2
        // The year: the last whose 1 January is not after the instant.
        while low < high {
            let middle = (low + high + 1) / 2
            if days(year: middle, month: 1, day: 1) * 86_400 <= seconds { low = middle } else { high = middle - 1 }
        }
        var month: Int64 = 1
        while month < 12, days(year: low, month: month + 1, day: 1) * 86_400 <= seconds { month += 1 }
        return (low, month)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }
}
