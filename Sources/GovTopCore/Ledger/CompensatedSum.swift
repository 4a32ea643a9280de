/// A running sum of doubles with Neumaier compensation, so millions of small measurements (request
/// durations, evaluation scores) add up to the exact total (to ~1e-15 relative) instead of
/// drifting. Money is never summed in a `Double`: see `Money`.
public struct CompensatedSum: Sendable, Hashable {
    private var sum = 0.0
    private var compensation = 0.0

    public init() {}

    public mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    public var value: Double { sum + compensation }
}
