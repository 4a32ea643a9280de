import GovTopCore

/// The demo's random numbers: SplitMix64, seeded, so a seed always replays the same traffic.
///
/// Everything derived from it uses only integer arithmetic and IEEE `+ − × ÷` (no `log`, `exp` or
/// `pow`, whose last bits differ between C libraries), so the same seed gives the same bytes on every
/// platform. Skewed distributions come from quantile tables (`quantile(_:)`).
struct DemoRandom {
    private var source: SplitMix64

    init(seed: UInt64) { source = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { source.next() }

    /// A non-zero value, for span and trace ids.
    mutating func nonZero() -> UInt64 {
        var value = next()
        while value == 0 { value = next() }
        return value
    }

    /// Uniform in [0, 1), with 53 random bits.
    mutating func unit() -> Double { source.unit() }

    /// Uniform in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// Uniform in `range` (for the small ranges the demo uses; the modulo bias is negligible).
    mutating func int(_ range: ClosedRange<Int>) -> Int { source.int(range) }

    mutating func chance(_ probability: Double) -> Bool { source.chance(probability) }

    mutating func pick<Element>(_ elements: [Element]) -> Element { source.pick(elements) }

    /// An index drawn with the given (non-negative, not all zero) weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var remaining = unit() * total
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.count - 1
    }

    /// A value from a distribution given by equally spaced quantiles (`table[0]` the minimum,
    /// `table.last` the maximum), interpolated linearly between them.
    mutating func quantile(_ table: [Double]) -> Double {
        guard table.count > 1 else { return table.first ?? 0 }
        let position = unit() * Double(table.count - 1)
        let index = Int(position)
        let fraction = position - Double(index)
        return table[index] + (table[index + 1] - table[index]) * fraction
    }
}
