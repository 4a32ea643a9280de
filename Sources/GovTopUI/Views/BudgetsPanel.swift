import GovTopCore

/// The Budgets panel: one row per budget with a gauge coloured by its level, consumed / limit,
/// remaining, burn per hour, when it runs out ("runs out 14:32", "ok this period"), when it resets
/// ("resets in 3h12m") and where it comes from (config or telemetry).
///
/// The table draws the text columns; the gauges are drawn over their column afterwards, so the
/// selected row keeps its gauge colour.
struct BudgetsPanel {
    let snapshot: DashboardSnapshot
    let state: NavigationState
    let utcOffsetSeconds: Int
    let ascii: Bool

    enum Column: Int, CaseIterable {
        case name, gauge, amounts, remaining, burn, projection, reset, source
    }

    func render(into canvas: inout Canvas, area: Rect, focused: Bool) {
        let budgets = snapshot.budgets
        let selection = state.selection(of: .budgets)
        let trailing = budgets.isEmpty ? nil : "\(min(selection.index + 1, budgets.count))/\(budgets.count)"
        let inner = Box(title: Panel.budgets.title, trailingTitle: trailing, focused: focused, ascii: ascii)
            .render(into: &canvas, area: area)
        let shown = PanelColumns.visibleRange(selection, rowCount: budgets.count, inner: inner)
        let sample = shown.map { cells(budgets[$0]) }
        let columns = PanelColumns(definitions, width: inner.width, sample: sample)
        let table = columns.table(emptyMessage: "no budgets configured or reported", ascii: ascii)
        let listState = ListState(selection, rowCount: budgets.count)
        table.render(into: &canvas, area: inner, state: listState, rowCount: budgets.count) {
            columns.pick(shown.contains($0) ? sample[$0 - shown.lowerBound] : cells(budgets[$0]))
        }
        guard let gauge = columns.placement(of: Column.gauge.rawValue), gauge.width > 0 else { return }
        for (line, index) in shown.enumerated() {
            let row = Rect(x: inner.x + gauge.x, y: inner.y + 1 + line, width: gauge.width, height: 1)
            Self.gauge(budgets[index], ascii: ascii).render(into: &canvas, area: row)
        }
    }

    /// The gauge of one budget: filled to its utilization, coloured by its level.
    static func gauge(_ budget: BudgetStatus, ascii: Bool) -> Gauge {
        let label = budget.utilization.map(ViewFormat.percent) ?? "?"
        return Gauge(fraction: budget.utilization ?? 0, level: level(budget.level), label: label, labelPlacement: .inside, ascii: ascii)
    }

    static func level(_ level: BudgetLevel) -> GaugeLevel {
        switch level {
        case .ok: .ok
        case .warning: .warning
        case .critical, .exceeded: .critical
        }
    }

    private var definitions: [PanelColumn] {
        Column.allCases.map { column in
            switch column {
            case .name: PanelColumn("BUDGET", minimum: 8, priority: 0, name: true)
            case .gauge: PanelColumn("USED", minimum: 8, priority: 1, fills: true)
            case .amounts: PanelColumn("CONSUMED/LIMIT", minimum: 11, .right, priority: 3)
            case .remaining: PanelColumn("LEFT", minimum: 6, .right, priority: 4)
            case .burn: PanelColumn("BURN", minimum: 7, .right, priority: 5)
            case .projection: PanelColumn("PROJECTION", minimum: 10, priority: 2)
            case .reset: PanelColumn("RESET", minimum: 10, priority: 6)
            case .source: PanelColumn("SOURCE", minimum: 6, priority: 7)
            }
        }
    }

    private func cells(_ budget: BudgetStatus) -> [TableCell] {
        Column.allCases.map { column in
            switch column {
            case .name: TableCell(budget.name)
            case .gauge: TableCell("")
            case .amounts:
                TableCell((budget.consumedUSD.map(ViewFormat.usd) ?? "?") + "/" + (budget.limitUSD.map(ViewFormat.usd) ?? "?"))
            case .remaining: TableCell(budget.remainingUSD.map(ViewFormat.usd) ?? "?", role: budget.remainingUSD == 0 ? .critical : .text)
            case .burn: TableCell(budget.burnUSDPerHour.map { ViewFormat.usd($0) + "/h" } ?? "-", role: .muted)
            case .projection: projection(budget)
            case .reset: reset(budget)
            case .source: TableCell(budget.source.rawValue, role: .muted)
            }
        }
    }

    /// `exceeded`, `runs out 14:32` (within a day), `runs out in 3d`, `ok this period`, or `-`
    /// when nothing is known about the burn.
    private func projection(_ budget: BudgetStatus) -> TableCell {
        if budget.level == .exceeded {
            let overage = budget.overageUSD.flatMap { $0 > 0 ? " +" + ViewFormat.usd($0) : nil } ?? ""
            return TableCell("exceeded" + overage, role: .critical, attributes: .bold)
        }
        if let instant = budget.projectedExhaustion {
            let now = snapshot.now
            let soon = instant <= now || instant - now < 86_400_000_000_000
            let text = soon ? "runs out " + ViewFormat.clock(instant, utcOffsetSeconds: utcOffsetSeconds, seconds: false)
                : "runs out in " + ViewFormat.until(instant, now: now)
            return TableCell(text, role: budget.level == .ok ? .warning : .critical)
        }
        guard budget.burnUSDPerHour != nil else { return TableCell("-", role: .muted) }
        return TableCell("ok this period", role: .ok)
    }

    /// `resets in 3h12m`; for telemetry budgets, whose calendar govtop does not know, when the
    /// latest report came.
    private func reset(_ budget: BudgetStatus) -> TableCell {
        if let resetsAt = budget.resetsAt { return TableCell("resets in " + ViewFormat.until(resetsAt, now: snapshot.now)) }
        if let reportedAt = budget.reportedAt { return TableCell("reported " + ViewFormat.ago(reportedAt, now: snapshot.now), role: .muted) }
        return TableCell(budget.period ?? "-", role: .muted)
    }
}
