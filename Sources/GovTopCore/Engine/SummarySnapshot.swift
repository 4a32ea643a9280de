/// What `/api/v1/summary` shows, read in one lock acquisition: the totals, the live rates and the
/// active alerts of one moment.
public struct SummarySnapshot: Sendable {
    public var summary: Summary
    public var rates: Rates
    public var alertCounts: AlertCounts
}
