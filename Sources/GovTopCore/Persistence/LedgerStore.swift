/// Where the ledger of record lives: budget consumption per period, per-dimension totals in hourly
/// buckets, the alert log with its acknowledgements, and which pricing table priced what.
///
/// The engine never calls a store while it holds its lock. One writer (`LedgerWriter`) commits
/// batched deltas from one thread; `restore` runs once at start-up, before the receiver listens;
/// `history` answers the API and the dashboard from any thread. SQLite (`GovTopLedgerSQLite`) is
/// the first implementation; `MemoryLedgerStore` keeps the same data for `--ephemeral` runs.
public protocol LedgerStore: Sendable {
    /// Everything needed to make a restart invisible, as of `now` (Unix nanoseconds): totals per
    /// group, budget periods, and the alert log.
    func restore() throws(LedgerStoreError) -> LedgerRestore

    /// Applies one batch of deltas atomically: all of it or none of it.
    func commit(_ commit: LedgerCommit) throws(LedgerStoreError)

    /// Per-group spend in hourly or daily buckets (`HistoryQuery` bounds the answer).
    func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer

    /// Drops hourly buckets that start before `before` (Unix seconds); returns how many went.
    @discardableResult
    func prune(before: Int64) throws(LedgerStoreError) -> Int

    /// The bytes the store takes on disk (0 in memory).
    func diskBytes() -> Int64
}

/// A store failure, phrased for a person: what went wrong, where, and what to do.
public struct LedgerStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file was written by a newer govtop.
        case newerSchema = "newer_schema"
        /// The file is not a ledger govtop can read (not SQLite, damaged pages).
        case corrupt
        /// Another govtop holds the state directory.
        case locked
        /// The directory or file cannot be written.
        case readOnly = "read_only"
        /// A write failed (disk full, I/O error, file-size limit).
        case write
        /// Anything else.
        case other
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
