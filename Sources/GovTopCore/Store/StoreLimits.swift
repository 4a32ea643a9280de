/// How much the span store may hold. Whichever limit is reached first evicts the oldest spans.
public struct StoreLimits: Sendable, Hashable {
    public var maxSpans: Int
    /// Estimated bytes held by spans, traces and their shared strings.
    public var maxMemoryBytes: Int

    public init(maxSpans: Int = 200_000, maxMemoryBytes: Int = 512 << 20) {
        self.maxSpans = maxSpans
        self.maxMemoryBytes = maxMemoryBytes
    }
}
