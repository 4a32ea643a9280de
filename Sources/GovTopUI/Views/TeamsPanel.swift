import GovTopCore

/// The Teams panel: one row per group of the snapshot's dimension (the title names it): requests,
/// input and output tokens, cost, cost per minute with a 15-minute trend sparkline, share of all
/// cost as a bar, policy violations and errors.
struct TeamsPanel {
    let snapshot: DashboardSnapshot
    let state: NavigationState
    let ascii: Bool

    enum Column: Int, CaseIterable {
        case key, requests, input, output, cost, perMinute, trend, share, violations, errors
    }

    func render(into canvas: inout Canvas, area: Rect, focused: Bool) {
        let groups = snapshot.groups
        let selection = state.selection(of: .teams)
        let trailing = groups.isEmpty ? nil : "\(min(selection.index + 1, groups.count))/\(groups.count)"
        let inner = Box(title: Self.title(snapshot.groupDimension), trailingTitle: trailing, focused: focused, ascii: ascii)
            .render(into: &canvas, area: area)
        let total = snapshot.summary.costUSDTotal
        let sample = PanelColumns.visibleRange(selection, rowCount: groups.count, inner: inner)
            .map { cells(groups[$0], total: total, trendWidth: 0, shareWidth: 0) }
        let columns = PanelColumns(definitions(snapshot.groupDimension), width: inner.width, sample: sample)
        let trendWidth = columns.placement(of: Column.trend.rawValue)?.width ?? 0
        let shareWidth = columns.placement(of: Column.share.rawValue)?.width ?? 0
        columns.table(emptyMessage: "no spend yet", ascii: ascii).render(
            into: &canvas, area: inner, state: ListState(selection, rowCount: groups.count), rowCount: groups.count
        ) { index in
            columns.pick(cells(groups[index], total: total, trendWidth: trendWidth, shareWidth: shareWidth))
        }
    }

    /// `Teams by team`, `Teams by cost center`, ...
    static func title(_ dimension: Dimension) -> String {
        "\(Panel.teams.title) by \(dimension.rawValue.replacingUnderscores)"
    }

    private func definitions(_ dimension: Dimension) -> [PanelColumn] {
        Column.allCases.map { column in
            switch column {
            case .key: PanelColumn(dimension.rawValue.replacingUnderscores.uppercased(), minimum: 8, priority: 0, name: true)
            case .requests: PanelColumn("REQ", minimum: 5, .right, priority: 4)
            case .input: PanelColumn("IN TOK", minimum: 6, .right, priority: 6)
            case .output: PanelColumn("OUT TOK", minimum: 7, .right, priority: 7)
            case .cost: PanelColumn("COST", minimum: 7, .right, priority: 1)
            case .perMinute: PanelColumn("$/MIN", minimum: 7, .right, priority: 2)
            case .trend: PanelColumn("TREND", minimum: 8, priority: 5)
            case .share: PanelColumn("SHARE", minimum: 6, priority: 3, fills: true)
            case .violations: PanelColumn("VIOL", minimum: 4, .right, priority: 8)
            case .errors: PanelColumn("ERR", minimum: 3, .right, priority: 9)
            }
        }
    }

    private func cells(_ group: GroupRow, total: Double, trendWidth: Int, shareWidth: Int) -> [TableCell] {
        let totals = group.totals
        let share = total > 0 ? totals.costUSD / total : 0
        return Column.allCases.map { column in
            switch column {
            case .key:
                TableCell(group.key, role: group.key == Dimension.unattributed || group.key == Dimension.other ? .muted : .text)
            case .requests: TableCell(ViewFormat.count(totals.requests))
            case .input: TableCell(ViewFormat.count(totals.inputTokens), role: .muted)
            case .output: TableCell(ViewFormat.count(totals.outputTokens), role: .muted)
            case .cost: TableCell(ViewFormat.usd(totals.costUSD))
            case .perMinute: TableCell(ViewFormat.usd(group.costUSDPerMinute))
            case .trend: TableCell(Sparkline(values: group.trend, ascii: ascii).glyphs(width: trendWidth), role: .sparkline)
            case .share: TableCell(Bar(fraction: share, ascii: ascii).text(width: shareWidth), role: .info)
            case .violations: count(totals.policyViolations, role: .warning)
            case .errors: count(totals.errors, role: .critical)
            }
        }
    }

    private func count(_ value: Int, role: Role) -> TableCell {
        value > 0 ? TableCell(ViewFormat.count(value), role: role) : TableCell("0", role: .muted)
    }
}

extension String {
    /// `cost_center` → `cost center`.
    var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
