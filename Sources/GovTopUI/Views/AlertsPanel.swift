import GovTopCore

/// The Alerts panel: the alert log newest first, severity and subject coloured by severity
/// (resolved alerts muted), how often it happened, first and last seen relative to now, an ack
/// mark, the state and the latest message.
struct AlertsPanel {
    let snapshot: DashboardSnapshot
    let state: NavigationState
    let ascii: Bool

    enum Column: Int, CaseIterable {
        case severity, subject, count, firstSeen, lastSeen, acknowledged, state, message
    }

    func render(into canvas: inout Canvas, area: Rect, focused: Bool) {
        let alerts = snapshot.alerts
        let selection = state.selection(of: .alerts)
        let counts = snapshot.alertCounts
        let trailing = counts.unacknowledged > 0 ? "\(counts.total) active, \(counts.unacknowledged) new" : "\(counts.total) active"
        let inner = Box(title: Panel.alerts.title, trailingTitle: trailing, focused: focused, ascii: ascii)
            .render(into: &canvas, area: area)
        let columns = PanelColumns(definitions, width: inner.width)
        columns.table(emptyMessage: "no alerts", ascii: ascii).render(
            into: &canvas, area: inner, state: ListState(selection, rowCount: alerts.count), rowCount: alerts.count
        ) { columns.pick(cells(alerts[$0])) }
    }

    static func role(_ severity: AlertSeverity) -> Role {
        switch severity {
        case .info: .info
        case .warning: .warning
        case .critical: .critical
        }
    }

    /// The kind and the subject without the word they share: `budget exceeded team:ml`,
    /// `policy violation pii-filter / team ml`.
    static func title(_ alert: Alert) -> String {
        let kind = alert.kind.label
        let subject = alert.subject
        guard let firstWord = kind.split(separator: " ").first, subject.hasPrefix(firstWord + " ") else {
            return kind + " " + subject
        }
        return kind + subject.dropFirst(firstWord.count)
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
            case .severity: PanelColumn("SEV", .fixed(4), priority: 0)
            case .subject: PanelColumn("ALERT", .min(14), priority: 1)
            case .count: PanelColumn("COUNT", .fixed(5), .right, priority: 4)
            case .firstSeen: PanelColumn("FIRST", .fixed(7), .right, priority: 6)
            case .lastSeen: PanelColumn("LAST", .fixed(7), .right, priority: 2)
            case .acknowledged: PanelColumn("ACK", .fixed(3), priority: 3)
            case .state: PanelColumn("STATE", .fixed(8), priority: 5)
            case .message: PanelColumn("MESSAGE", .min(20), priority: 7)
            }
        }
    }

    private func cells(_ alert: Alert) -> [TableCell] {
        let active = alert.isActive
        let severityRole = active ? Self.role(alert.severity) : .muted
        return Column.allCases.map { column in
            switch column {
            case .severity: TableCell(Self.label(alert.severity), role: severityRole, attributes: active ? .bold : [])
            case .subject: TableCell(Self.title(alert), role: severityRole)
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
