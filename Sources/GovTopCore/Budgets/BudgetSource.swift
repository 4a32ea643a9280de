/// Where a budget's numbers come from.
public enum BudgetSource: String, CaseIterable, Sendable, Hashable {
    /// Defined in govtop's configuration; consumption computed from the ledger.
    case config
    /// Reported by an SDK in `genops.budget.*` attributes; the latest report is its state.
    case telemetry
}
