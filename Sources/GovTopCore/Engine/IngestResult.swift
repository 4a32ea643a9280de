/// What happened to one batch.
public struct IngestResult: Sendable, Hashable {
    /// Spans stored and counted.
    public var accepted: Int
    /// Spans the decoder rejected (bad ids).
    public var rejected: Int

    public init(accepted: Int, rejected: Int) {
        self.accepted = accepted
        self.rejected = rejected
    }
}
