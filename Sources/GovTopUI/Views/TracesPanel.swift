import GovTopCore

/// The Traces panel: one row per trace of the snapshot's page (time, service, root span, duration,
/// spans, tokens, cost, team, models, flags E/V/F), the sort column marked ▲/▼ in the header, the
/// applied filter in the title and the cursor position over all matching traces at the right.
/// Only the rows on screen are formatted.
struct TracesPanel {
    let snapshot: DashboardSnapshot
    let state: NavigationState
    let utcOffsetSeconds: Int
    let listenAddress: String
    let ascii: Bool

    enum Column: Int, CaseIterable {
        case time, service, root, duration, spans, tokens, cost, team, models, flags
    }

    func render(into canvas: inout Canvas, area: Rect, focused: Bool) {
        let traces = snapshot.traces.traces
        let selection = state.selection(of: .traces)
        let box = Box(title: title, trailingTitle: position(selection: selection, rows: traces.count), focused: focused, ascii: ascii)
        let inner = box.render(into: &canvas, area: area)
        let shown = PanelColumns.visibleRange(selection, rowCount: traces.count, inner: inner)
        let sample = shown.map { cells(traces[$0]) }
        let columns = PanelColumns(definitions, width: inner.width, sample: sample)
        columns.table(emptyMessage: emptyMessage, ascii: ascii).render(
            into: &canvas, area: inner, state: ListState(selection, rowCount: traces.count), rowCount: traces.count
        ) { columns.pick(shown.contains($0) ? sample[$0 - shown.lowerBound] : cells(traces[$0])) }
    }

    var title: String {
        guard let filter = state.filter else { return Panel.traces.title }
        return "\(Panel.traces.title) [\(filter.text)]"
    }

    private func position(selection: ListSelection, rows: Int) -> String {
        let matched = max(snapshot.traces.matched, rows)
        guard rows > 0 else { return "0" }
        return "\(min(selection.index + 1, rows))/\(ViewFormat.count(matched))"
    }

    private var emptyMessage: String {
        if state.filter != nil { return "no traces match the filter" }
        return listenAddress.isEmpty ? "no traces yet" : "no traces yet: send OTLP to \(listenAddress)"
    }

    private var definitions: [PanelColumn] {
        Column.allCases.map { column in
            switch column {
            case .time: PanelColumn(sorted("TIME", .time), minimum: 8, priority: 1)
            case .service: PanelColumn("SERVICE", minimum: 7, priority: 4)
            case .root: PanelColumn("ROOT SPAN", minimum: 12, priority: 0, fills: true)
            case .duration: PanelColumn(sorted("DURATION", .duration), minimum: 6, .right, priority: 3)
            case .spans: PanelColumn("SPANS", minimum: 5, .right, priority: 8)
            case .tokens: PanelColumn(sorted("TOKENS", .tokens), minimum: 6, .right, priority: 7)
            case .cost: PanelColumn(sorted("COST", .cost), minimum: 7, .right, priority: 2)
            case .team: PanelColumn("TEAM", minimum: 6, priority: 5, name: true)
            case .models: PanelColumn("MODEL", minimum: 6, priority: 6, name: true)
            case .flags: PanelColumn("EVF", minimum: 3, priority: 2)
            }
        }
    }

    /// The header of the sort column gets ▼ (largest or newest first) or ▲.
    private func sorted(_ title: String, _ order: TraceOrder) -> String {
        guard state.traceOrder == order else { return title }
        return title + ViewGlyphs.sortArrow(ascending: state.traceAscending, ascii: ascii)
    }

    private func cells(_ trace: TraceSummary) -> [TableCell] {
        Column.allCases.map { column in
            switch column {
            case .time: TableCell(ViewFormat.clock(trace.startTimeUnixNano, utcOffsetSeconds: utcOffsetSeconds), role: .muted)
            case .service: TableCell(trace.service)
            case .root: TableCell(trace.rootName, role: trace.errors > 0 ? .critical : .text)
            case .duration: TableCell(ViewFormat.duration(milliseconds: trace.durationMs))
            case .spans: TableCell(ViewFormat.count(trace.spanCount))
            case .tokens: TableCell(trace.tokens > 0 ? ViewFormat.count(trace.tokens) : "", role: .muted)
            case .cost: TableCell(trace.costUSD > 0 ? ViewFormat.usd(trace.costUSD) : "", role: .text)
            case .team: trace.team.map { TableCell($0) } ?? TableCell("-", role: .muted)
            case .models: TableCell(trace.models.joined(separator: ","), role: .muted)
            case .flags: Self.flags(trace)
            }
        }
    }

    /// `E` error, `V` policy violation, `F` evaluation failure, each in its own position; the
    /// cell takes the role of the most serious one.
    static func flags(_ trace: TraceSummary) -> TableCell {
        let text = (trace.errors > 0 ? "E" : " ") + (trace.policyViolations > 0 ? "V" : " ") + (trace.evalFailures > 0 ? "F" : " ")
        let role: Role = trace.errors > 0 ? .critical : trace.policyViolations > 0 ? .warning : trace.evalFailures > 0 ? .info : .text
        return TableCell(text, role: role, attributes: role == .text ? [] : .bold)
    }
}
