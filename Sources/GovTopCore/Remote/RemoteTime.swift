/// Reads the RFC 3339 UTC times govtop's API writes (`2026-01-31T12:00:00.123456789Z`, any
/// number of fractional digits up to nine) as Unix nanoseconds. Nil for anything else, and for
/// times before 1970 (the API never writes those).
enum RemoteTime {
    static func unixNanos(_ text: String) -> UInt64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 30, bytes.last == UInt8(ascii: "Z"), bytes[4] == 45, bytes[7] == 45,
              bytes[10] == UInt8(ascii: "T"), bytes[13] == 58, bytes[16] == 58 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
              let minute = number(14, 2), let second = number(17, 2), year >= 1970, (1...12).contains(month),
              (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var nanos: Int64 = 0
        if bytes[19] == 46 {
            let digits = bytes.count - 21
            guard (1...9).contains(digits), let fraction = number(20, digits) else { return nil }
            nanos = fraction
            for _ in digits..<9 { nanos *= 10 }
        } else if bytes.count != 20 {
            return nil
        }
        // Days from 1970-01-01 (days-from-civil, in 400-year eras).
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59)
        return UInt64(seconds) * 1_000_000_000 + UInt64(nanos)
    }
}
