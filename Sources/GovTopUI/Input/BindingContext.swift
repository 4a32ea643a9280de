/// Where a key binding applies. `NavigationState.bindingContexts` says which contexts are active,
/// in lookup order; the first binding found wins.
public enum BindingContext: String, Hashable, Sendable, CaseIterable {
    case global, dashboard, traces, teams, budgets, alerts, traceDetail, filterInput, help
    case history // ledger: issue 11
    case conformance // conformance: issue 13

    /// The section heading in the help overlay.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .dashboard: "Dashboard (four panels)"
        case .traces: "Traces"
        case .teams: "Teams"
        case .budgets: "Budgets"
        case .alerts: "Alerts"
        case .traceDetail: "Trace detail"
        case .filterInput: "Filter input"
        case .help: "Help"
        case .history: "History"
        case .conformance: "Conformance"
        }
    }

    /// Whether global bindings apply behind this context. The filter input and the help overlay
    /// take every key themselves: typing `q` into a filter must not quit.
    public var fallsBackToGlobal: Bool {
        switch self {
        case .filterInput, .help: false
        default: true
        }
    }

    /// What the help overlay says about the context beyond its bindings.
    public var helpNote: String? {
        switch self {
        case .global:
            "Mouse: click selects, double-click does Enter, the wheel scrolls (--no-mouse)."
        case .dashboard:
            "Enter zooms the focused panel here; in a zoomed panel Enter opens the selected row."
        case .traces:
            "The list follows new traces until you move the cursor; g or Home follows again. Filter: words, key=value, "
                + "key!=value, key~text, key>number, key<number, error; keys team project customer env feature cost_center "
                + "user model provider service cost duration tokens, any other key is a span attribute."
        case .filterInput:
            "Printable keys type into the filter; it is checked while you type."
        case .help:
            "Every other key is ignored while help is open."
        default:
            nil
        }
    }
}
