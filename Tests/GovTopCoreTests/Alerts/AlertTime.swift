/// Instants for alert tests: seconds after a fixed start, as Unix nanoseconds.
enum AlertTime {
    static let start: UInt64 = 1_700_000_000_000_000_000

    static func at(_ seconds: Double) -> UInt64 {
        start + UInt64(seconds * 1e9)
    }
}
