/// What a whole fleet of govtops has committed to a shared ledger (PostgreSQL), read back by the
/// ledger writer right after one of its own commits: every series' totals and every budget's
/// consumption in its latest period.
public struct FleetFigures: Sendable, Hashable {
    /// All spend (`LedgerSeries.all`) and every group, as committed by every instance.
    public var series: [LedgerSeries: Totals]
    /// Groups in their order of first arrival in the shared ledger (groups this instance has not seen
    /// are listed after its own, in this order).
    public var order: [LedgerSeries]
    /// Per budget name, its latest period's consumption across the fleet.
    public var budgets: [String: FleetBudget]

    public init(series: [LedgerSeries: Totals] = [:], order: [LedgerSeries] = [], budgets: [String: FleetBudget] = [:]) {
        self.series = series
        self.order = order
        self.budgets = budgets
    }
}

/// One budget's consumption in the period starting at `windowStart` (Unix nanoseconds), fleet-wide.
public struct FleetBudget: Sendable, Hashable {
    public var windowStart: UInt64
    public var consumed: Money

    public init(windowStart: UInt64, consumed: Money) {
        self.windowStart = windowStart
        self.consumed = consumed
    }
}

/// What this instance had counted at the moment its deltas were drained for a commit: the figures
/// the fleet read that follows the commit already contains (`FleetOverlay`).
public struct FleetBaseline: Sendable, Hashable {
    public var series: [LedgerSeries: Totals]
    public var budgets: [String: FleetBudget]

    public init(series: [LedgerSeries: Totals] = [:], budgets: [String: FleetBudget] = [:]) {
        self.series = series
        self.budgets = budgets
    }
}

/// A ledger shared by several govtops: besides the protocol's batched writes it answers what the
/// whole fleet has committed. `LedgerWriter` reads it after each successful commit, off the ingest path.
public protocol SharedLedgerStore: LedgerStore {
    func fleetFigures() throws(LedgerStoreError) -> FleetFigures
}
