/// Headline numbers of everything received so far.
public struct Summary: Sendable, Hashable {
    public var spansReceived = 0
    public var spansStored = 0
    public var spansEvicted = 0
    public var spansRejected = 0
    public var tracesStored = 0
    /// Estimated bytes the span store holds.
    public var storeBytes = 0
    public var requestsTotal = 0
    public var costUSDTotal = 0.0
    public var inputTokensTotal: Int64 = 0
    public var outputTokensTotal: Int64 = 0
    public var unpricedRequestsTotal = 0
    public var policyViolationsTotal = 0
    public var evalFailuresTotal = 0
    public var metricPointsReceived = 0
    public var logRecordsReceived = 0
    /// Metered usage and the streams behind it. // metrics
    public var metering = MeteringSnapshot()
    /// What the log store holds and has evicted. // metrics
    public var logStore = LogStoreStatus()
    public var uptimeSeconds = 0.0
    /// Values rejected at the door (negative, non-finite or beyond `ValueBounds`), per attribute key.
    public var invalidValues = InvalidValueCounts()
    /// `null` items of repeated JSON fields that were dropped (a `null` span is in `spansRejected`).
    public var nullItemsDropped = 0
    /// Exports answered `503` + `Retry-After` without being decoded (load shedding), by reason.
    public var requestsShedByReason: [ShedReason: Int] = [:]
    /// Commits of the ledger of record that failed (ledger: issue 11).
    public var ledgerWriteErrors = 0
    /// Reads of the fleet's figures from the shared ledger that failed (fleet: issue 16).
    public var fleetReadFailures = 0
    /// Hourly buckets of the ledger of record left out while too many waited for a store that failed
    /// (and later deltas for them, so none is written negative).
    public var ledgerBucketsDropped = 0
    /// fleet (issue 16): seconds since the shared ledger's fleet figures were last read; nil when the
    /// ledger is not shared or was never read. Totals, groups and budgets include other instances as of then.
    public var fleetReadAgeSeconds: Double?

    /// All exports shed, whatever the reason.
    public var requestsShed: Int { requestsShedByReason.values.reduce(0, +) }

    public init() {}
}
