/// The alert log with its active counts, read in one lock acquisition.
public struct AlertsSnapshot: Sendable {
    /// Newest first.
    public var alerts: [Alert]
    public var counts: AlertCounts
    /// How many alert changes should have rung the bell so far.
    public var bellRings: Int
    /// Alerts dropped because the log was full.
    public var dropped: Int
}
