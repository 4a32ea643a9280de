/// Sizes as a configuration file writes them: a number of bytes (`1048576`) or a number with a
/// unit (`64MiB`, `512MB`, `1.5 GiB`). Units are case-insensitive; `KB`/`MB`/`GB`/`TB` are powers
/// of 1000 and `KiB`/`MiB`/`GiB`/`TiB` powers of 1024.
public enum ByteSizeText {
    static let units: [(name: String, bytes: Double)] = [
        ("b", 1),
        ("kb", 1e3), ("mb", 1e6), ("gb", 1e9), ("tb", 1e12),
        ("kib", 1024), ("mib", 1_048_576), ("gib", 1_073_741_824), ("tib", 1_099_511_627_776),
    ]

    /// The size in bytes (fractions of a byte dropped), or nil when the text is not a size or is
    /// negative or larger than 2^53 bytes.
    public static func bytes(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        let numberEnd = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "_")) } ?? trimmed.endIndex
        let unit = String(trimmed[numberEnd...]).trimmingWhitespace().lowercased()
        guard let value = NumberText.number(String(trimmed[..<numberEnd])), value >= 0 else { return nil }
        let multiplier: Double
        if unit.isEmpty {
            multiplier = 1
        } else if let match = units.first(where: { $0.name == unit }) {
            multiplier = match.bytes
        } else {
            return nil
        }
        let bytes = (value * multiplier).rounded(.down)
        guard bytes <= 9_007_199_254_740_992 else { return nil }
        return Int(bytes)
    }

    /// `64MiB`, `1GiB`, `1500B`: the largest binary unit that divides the size exactly.
    public static func format(_ bytes: Int) -> String {
        for (name, unitBytes) in [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= unitBytes && bytes % unitBytes == 0 {
            return "\(bytes / unitBytes)\(name)"
        }
        return "\(bytes)B"
    }
}
