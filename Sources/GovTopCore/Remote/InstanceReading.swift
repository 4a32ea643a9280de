/// What one attached govtop answered at its latest poll (`govtop attach`). A part it did not
/// answer stays as it was at the poll before, or nil/empty when it never answered.
public struct InstanceReading: Sendable {
    /// How the instance is named on screen: `host:port`.
    public var label: String
    public var summary: Summary?
    public var costUSDPerMinute = 0.0
    /// Newest first, as the instance listed them.
    public var traces: [TraceSummary] = []
    /// The groups of `groupsDimension`, most expensive first.
    public var groups: [GroupRow]?
    public var groupsDimension: Dimension?
    public var budgets: [BudgetStatus]?
    /// Newest first.
    public var alerts: [Alert]?
    /// Why the latest poll failed; nil when it answered.
    public var problem: String?

    public init(label: String) {
        self.label = label
    }
}

/// Where a merged alert lives: which instance, under which of that instance's ids.
public struct AlertRoute: Sendable, Hashable {
    public var instance: Int
    public var id: String
}
