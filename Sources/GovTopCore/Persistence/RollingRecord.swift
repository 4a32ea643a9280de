/// A rolling budget's spend per slice of its window (`RollingSpend`), as the ledger of record keeps
/// it, so a restart forgets nothing that is still inside the window.
public struct RollingRecord: Sendable, Hashable {
    /// Each slice's length in nanoseconds; slice n covers [n·sliceNanos, (n+1)·sliceNanos).
    public var sliceNanos: UInt64
    public var slices: [RollingSlice]

    public init(sliceNanos: UInt64, slices: [RollingSlice] = []) {
        self.sliceNanos = sliceNanos
        self.slices = slices
    }

    /// The text the SQLite store keeps: `sliceNanos;slice:nanos,slice:nanos`.
    public var encoded: String {
        "\(sliceNanos);" + slices.map { "\($0.slice):\($0.amount.nanos)" }.joined(separator: ",")
    }

    /// The most slices a rolling window records (its ring, and the slice being filled).
    public static let maxSlices = Int(RollingSpend.slices) + 1

    /// The longest text a record govtop writes encodes to (each slice at most a 20-digit index and a
    /// 40-character amount); stores read no more than one byte beyond it.
    public static let maxEncodedBytes = 21 + maxSlices * 62

    /// Nil for malformed text, text longer than any record govtop writes, a negative amount, or
    /// more slices than a rolling window keeps.
    public init?(encoded text: String) {
        guard text.utf8.count <= Self.maxEncodedBytes else { return nil }
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = UInt64(parts[0]), width > 0 else { return nil }
        var slices: [RollingSlice] = []
        for item in parts[1].split(separator: ",") {
            let pair = item.split(separator: ":")
            guard pair.count == 2, let slice = UInt64(pair[0]), let nanos = Int128(String(pair[1])), nanos >= 0 else { return nil }
            slices.append(RollingSlice(slice: slice, amount: Money(nanos: nanos)))
            guard slices.count <= Self.maxSlices else { return nil }
        }
        self.init(sliceNanos: width, slices: slices)
    }
}

/// Spend in one slice of a rolling window.
public struct RollingSlice: Sendable, Hashable {
    public var slice: UInt64
    public var amount: Money

    public init(slice: UInt64, amount: Money) {
        self.slice = slice
        self.amount = amount
    }
}
