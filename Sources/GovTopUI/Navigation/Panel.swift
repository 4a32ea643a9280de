/// The four panels of the dashboard, in focus order (Tab goes left to right, 1–4 zoom them).
public enum Panel: Int, Hashable, Sendable, CaseIterable {
    case traces, teams, budgets, alerts

    public var title: String {
        switch self {
        case .traces: "Traces"
        case .teams: "Teams"
        case .budgets: "Budgets"
        case .alerts: "Alerts"
        }
    }

    /// The binding context of the panel's own keys.
    public var bindingContext: BindingContext {
        switch self {
        case .traces: .traces
        case .teams: .teams
        case .budgets: .budgets
        case .alerts: .alerts
        }
    }

    /// The panel after this one, wrapping around.
    public var next: Panel { Panel(rawValue: (rawValue + 1) % Self.allCases.count) ?? .traces }

    /// The panel before this one, wrapping around.
    public var previous: Panel {
        Panel(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count) ?? .traces
    }
}
