/// Where a budget's numbers come from.
public enum BudgetSource: String, CaseIterable, Sendable, Hashable {
    /// Defined in govtop's configuration; consumption computed from the ledger.
    case config
    /// Reported by an SDK in `genops.budget.*` attributes; the latest report is its state.
    case telemetry
    /// Defined in govtop's configuration with `source: metered`; consumption computed from metered
    /// usage (`gen_ai.client.token.usage`, `gen_ai.usage.cost`), not from spans.
    case metered
}
