/// One group of related measurements, printed together. Add a section by writing a type that
/// conforms and listing it in `main.swift`.
protocol BenchmarkSection {
    /// Used by `--filter` (case-insensitive substring match on the name).
    var name: String { get }
    func run(timer: BenchmarkTimer) -> [BenchmarkRow]
}

/// One measured case. `items` are the section's natural unit (spans, records, ...).
struct BenchmarkRow {
    var section: String
    var label: String
    var bytes: Int
    var items: Int
    var itemUnit: String
    var measurement: BenchmarkTimer.Measurement
    /// The label of the row this one is compared with (nil for a baseline row).
    var baseline: String?

    var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / measurement.seconds }
    var itemsPerSecond: Double { Double(items) / measurement.seconds }
}
