/// How the views spell money, token counts, durations and times: short, fixed rules, no locale and
/// no Foundation, so a rendered screen is the same on every machine.
public enum ViewFormat {
    /// `$0.0032` under a cent, `$12.34` under a thousand, then `$1.2k`, `$3.4M`, `$5.6B`;
    /// `$0.00` for zero and `<$0.0001` for less than that (never a misleading `$0.0000`).
    public static func usd(_ amount: Double) -> String {
        guard amount.isFinite else { return amount.isNaN ? "$?" : (amount < 0 ? "-$∞" : "$∞") }
        let sign = amount < 0 ? "-" : ""
        let magnitude = abs(amount)
        if magnitude == 0 { return "$0.00" }
        if magnitude < 0.0001 { return sign + "<$0.0001" }
        if magnitude < 0.01 { return sign + "$" + fixed(magnitude, decimals: 4) }
        if (magnitude * 100).rounded() < 100_000 { return sign + "$" + fixed(magnitude, decimals: 2) }
        return sign + "$" + scaled(magnitude)
    }

    /// `850`, `12.3k`, `1.2M`, `3.4B`.
    public static func count(_ value: Int64) -> String {
        let magnitude = value.magnitude
        if magnitude < 1000 { return String(value) }
        return (value < 0 ? "-" : "") + scaled(Double(magnitude))
    }

    public static func count(_ value: Int) -> String { count(Int64(value)) }

    /// A running total (kept in 128 bits); shown like `count`, beyond `Int64` as its largest value.
    public static func count(_ value: Int128) -> String { count(Int64(clamping: value)) }

    /// A rate with one decimal under ten, else like `count`: `0.5`, `8.0`, `42`, `1.2k`.
    public static func rate(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let magnitude = abs(value)
        if (magnitude * 10).rounded() < 100 { return fixed(value, decimals: 1) }
        if magnitude.rounded() < 1000 { return fixed(value, decimals: 0) }
        return (value < 0 ? "-" : "") + scaled(magnitude)
    }

    /// A duration in milliseconds: `0.4ms`, `12ms`, `850ms`, `1.25s`, `12.5s`, `2m03s`, `1h02m`.
    public static func duration(milliseconds ms: Double) -> String {
        guard ms.isFinite, ms >= 0 else { return "?" }
        if (ms * 10).rounded() < 100 { return fixed(ms, decimals: 1) + "ms" }
        if ms.rounded() < 1000 { return fixed(ms, decimals: 0) + "ms" }
        let seconds = ms / 1000
        if (seconds * 100).rounded() < 1000 { return fixed(seconds, decimals: 2) + "s" }
        if (seconds * 10).rounded() < 600 { return fixed(seconds, decimals: 1) + "s" }
        let whole = UInt64(min(seconds.rounded(), 9e15))
        if whole < 3600 { return "\(whole / 60)m" + twoDigits(whole % 60) + "s" }
        return span(seconds: whole)
    }

    /// `45s`, `12m`, `3h12m`, `2d4h`: the two largest units of a span of time.
    public static func span(seconds: UInt64) -> String {
        let days = seconds / 86_400, hours = seconds % 86_400 / 3600, minutes = seconds % 3600 / 60
        if days > 0 { return hours > 0 ? "\(days)d\(hours)h" : "\(days)d" }
        if hours > 0 { return "\(hours)h" + twoDigits(minutes) + "m" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(seconds)s"
    }

    /// How long before `now` an instant was: `now`, `12s ago`, `5m ago`, `3h ago`, `2d ago`.
    public static func ago(_ instant: UInt64, now: UInt64) -> String {
        guard now > instant else { return "now" }
        let seconds = (now - instant) / 1_000_000_000
        if seconds == 0 { return "now" }
        if seconds < 60 { return "\(seconds)s ago" }
        if seconds < 3600 { return "\(seconds / 60)m ago" }
        if seconds < 86_400 { return "\(seconds / 3600)h ago" }
        return "\(seconds / 86_400)d ago"
    }

    /// How long from `now` until an instant: `3h12m`, `45s`, `0s` once it passed.
    public static func until(_ instant: UInt64, now: UInt64) -> String {
        span(seconds: instant > now ? (instant - now) / 1_000_000_000 : 0)
    }

    /// The wall-clock time of a Unix-nanosecond instant, `HH:MM:SS` (or `HH:MM`), shifted by
    /// `utcOffsetSeconds` (0 for UTC).
    public static func clock(_ instant: UInt64, utcOffsetSeconds: Int, seconds: Bool = true) -> String {
        let offset = Int64(max(-86_400, min(86_400, utcOffsetSeconds)))
        let local = Int64(instant / 1_000_000_000) + offset
        let ofDay = ((local % 86_400) + 86_400) % 86_400
        let text = twoDigits(UInt64(ofDay / 3600)) + ":" + twoDigits(UInt64(ofDay % 3600 / 60))
        return seconds ? text + ":" + twoDigits(UInt64(ofDay % 60)) : text
    }

    /// A fraction as a whole percentage, cut (not rounded) so 99.6% never reads as 100%: `45%`.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "?%" }
        let value = (fraction * 100 + 1e-9).rounded(.down)
        return fixed(min(max(value, -9e15), 9e15), decimals: 0) + "%"
    }

    /// `value` with exactly `decimals` digits after the point, rounded half away from zero;
    /// magnitudes of 10^15 and above are written with a unit instead (`scaled`).
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "?" : (value < 0 ? "-∞" : "∞") }
        let places = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaledValue = (abs(value) * scale).rounded()
        guard scaledValue < 9e15 else { return (value < 0 ? "-" : "") + scaled(abs(value)) }
        let units = UInt64(scaledValue)
        let divisor = UInt64(scale)
        var text = String(units / divisor)
        if places > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }

    /// A non-negative magnitude of at least 1000 with one decimal and a unit: `1.2k`, `34.5M`.
    private static func scaled(_ magnitude: Double) -> String {
        let units = ["k", "M", "B", "T", "P", "E"]
        var value = magnitude
        for unit in units {
            value /= 1000
            if (value * 10).rounded() < 10_000 || unit == units.last {
                guard (value * 10).rounded() < 9e15 else { return "∞" }
                return fixed(value, decimals: 1) + unit
            }
        }
        return "∞"
    }

    private static func twoDigits(_ value: UInt64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
