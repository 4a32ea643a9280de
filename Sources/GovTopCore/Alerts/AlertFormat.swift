import Foundation

/// How alert messages spell amounts, shares and durations.
enum AlertFormat {
    /// `$1,234.56`; amounts under a cent keep four decimals (`$0.0042`).
    static func usd(_ amount: Double) -> String {
        guard amount.isFinite else { return "$?" }
        let magnitude = abs(amount)
        let digits = magnitude > 0 && magnitude < 0.01 ? String(format: "%.4f", magnitude) : String(format: "%.2f", magnitude)
        return (amount < 0 ? "-$" : "$") + grouped(digits)
    }

    /// A fraction as a percentage, cut (not rounded) to a tenth so 99.96% never reads as 100%: `83.3%`, `95%`.
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "?%" }
        let tenths = (fraction * 1000 + 1e-6).rounded(.down) / 10
        return tenths == tenths.rounded() ? String(format: "%.0f%%", tenths) : String(format: "%.1f%%", tenths)
    }

    /// `5.3×`.
    static func ratio(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f×", value) : "?×"
    }

    /// A plain number with at most three decimals and no trailing zeros: `0.42`, `87.5`, `3`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// The two largest units of a span of time: `45s`, `12m`, `3h 20m`, `2d 4h`.
    static func duration(nanoseconds: UInt64) -> String {
        let seconds = nanoseconds / 1_000_000_000
        let days = seconds / 86_400, hours = seconds % 86_400 / 3600, minutes = seconds % 3600 / 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(seconds)s"
    }

    /// `1 request`, `3 requests`.
    static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    private static func grouped(_ digits: String) -> String {
        let parts = digits.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first else { return digits }
        var groupedWhole = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { groupedWhole.append(",") }
            groupedWhole.append(character)
        }
        return parts.count > 1 ? groupedWhole + "." + parts[1] : groupedWhole
    }
}
