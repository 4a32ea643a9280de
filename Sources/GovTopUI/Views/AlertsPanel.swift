import GovTopCore

/// The Alerts panel: the alert log newest first, led by what each alert is about (`team:growth 95%
/// of $36.00`, `pii-filter / team ml`) with its kind as a short tag, severity and subject coloured
/// by severity (resolved alerts muted), how often it happened, first and last seen relative to
/// now, an ack mark, the state and the latest message.
struct AlertsPanel {
    let snapshot: DashboardSnapshot
    let state: NavigationState
    let ascii: Bool

    enum Column: Int, CaseIterable {
        case severity, subject, kind, count, firstSeen, lastSeen, acknowledged, state, message
    }

    func render(into canvas: inout Canvas, area: Rect, focused: Bool) {
        let alerts = snapshot.alerts
        let selection = state.selection(of: .alerts)
        let counts = snapshot.alertCounts
        let trailing = counts.unacknowledged > 0 ? "\(counts.total) active, \(counts.unacknowledged) new" : "\(counts.total) active"
        let inner = Box(title: Panel.alerts.title, trailingTitle: trailing, focused: focused, ascii: ascii)
            .render(into: &canvas, area: area)
        let budgets = Dictionary(snapshot.budgets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let shown = PanelColumns.visibleRange(selection, rowCount: alerts.count, inner: inner)
        let sample = shown.map { cells(alerts[$0], budgets: budgets) }
        let columns = PanelColumns(definitions, width: inner.width, sample: sample)
        columns.table(emptyMessage: "no alerts", ascii: ascii).render(
            into: &canvas, area: inner, state: ListState(selection, rowCount: alerts.count), rowCount: alerts.count
        ) { columns.pick(shown.contains($0) ? sample[$0 - shown.lowerBound] : cells(alerts[$0], budgets: budgets)) }
    }

    static func role(_ severity: AlertSeverity) -> Role {
        switch severity {
        case .info: .info
        case .warning: .warning
        case .critical: .critical
        }
    }

    /// What the alert is about, without the word its kind already says: `team:growth 95% of
    /// $36.00` for a budget (its utilization and limit now, when the snapshot has the budget),
    /// `pii-filter / team ml` for a policy, `faithfulness / team research` for an evaluation.
    static func subject(_ alert: Alert, budgets: [String: BudgetStatus]) -> String {
        func dropping(_ word: String) -> String {
            alert.subject.hasPrefix(word + " ") ? String(alert.subject.dropFirst(word.count + 1)) : alert.subject
        }
        switch alert.kind {
        case .budgetThreshold, .budgetExceeded, .budgetProjectedExhaustion:
            let name = dropping("budget")
            guard let budget = budgets[name], let utilization = budget.utilization, let limit = budget.limitUSD else { return name }
            return name + " " + ViewFormat.percent(utilization) + " of " + ViewFormat.usd(limit)
        case .policyViolation: return dropping("policy")
        case .evaluationFailure: return dropping("evaluation")
        case .slaMissRate: return dropping("sla")
        case .costSpike, .errorRateSpike, .ledgerWriteFailure, .fleetReadFailure, .notificationFailure: return alert.subject
        }
    }

    /// The kind as a short tag: `over` (the limit), `thresh`, `proj`, `policy`, `eval`, `spike`, `errors`, `ledger`, `fleet`, `notify`.
    static func tag(_ kind: AlertKind) -> String {
        switch kind {
        case .budgetThreshold: "thresh"
        case .budgetExceeded: "over"
        case .budgetProjectedExhaustion: "proj"
        case .policyViolation: "policy"
        case .evaluationFailure: "eval"
        case .costSpike: "spike"
        case .errorRateSpike: "errors"
        case .ledgerWriteFailure: "ledger"
        case .fleetReadFailure: "fleet"
        case .slaMissRate: "sla"
        case .notificationFailure: "notify"
        }
    }

    static func label(_ severity: AlertSeverity) -> String {
        switch severity {
        case .info: "INFO"
        case .warning: "WARN"
        case .critical: "CRIT"
        }
    }

    private var definitions: [PanelColumn] {
        Column.allCases.map { column in
            switch column {
            case .severity: PanelColumn("SEV", minimum: 4, priority: 2)
            case .subject: PanelColumn("SUBJECT", minimum: 12, priority: 0, name: true)
            case .kind: PanelColumn("KIND", minimum: 6, priority: 1)
            case .count: PanelColumn("COUNT", minimum: 5, .right, priority: 5)
            case .firstSeen: PanelColumn("FIRST", minimum: 6, .right, priority: 7)
            case .lastSeen: PanelColumn("LAST", minimum: 6, .right, priority: 3)
            case .acknowledged: PanelColumn("ACK", minimum: 3, priority: 4)
            case .state: PanelColumn("STATE", minimum: 6, priority: 6)
            case .message: PanelColumn("MESSAGE", minimum: 20, priority: 8, fills: true)
            }
        }
    }

    private func cells(_ alert: Alert, budgets: [String: BudgetStatus]) -> [TableCell] {
        let active = alert.isActive
        let severityRole = active ? Self.role(alert.severity) : .muted
        return Column.allCases.map { column in
            switch column {
            case .severity: TableCell(Self.label(alert.severity), role: severityRole, attributes: active ? .bold : [])
            case .subject: TableCell(Self.subject(alert, budgets: budgets), role: severityRole)
            case .kind: TableCell(Self.tag(alert.kind), role: .muted)
            case .count: TableCell(ViewFormat.count(alert.count))
            case .firstSeen: TableCell(ViewFormat.ago(alert.firstSeen, now: snapshot.now), role: .muted)
            case .lastSeen: TableCell(ViewFormat.ago(alert.lastSeen, now: snapshot.now), role: .muted)
            case .acknowledged: TableCell(alert.acknowledged ? ViewGlyphs.check(ascii: ascii) : "", role: .ok)
            case .state: TableCell(alert.state.rawValue, role: active ? .text : .muted)
            case .message: TableCell(alert.message, role: active ? .text : .muted)
            }
        }
    }
}
