import GovTopCore

/// The zoomed Budgets view's burn-down charts, one box per budget with a period (configured
/// budgets; telemetry reports carry none) in a grid, scrolled to the selected budget when not all
/// fit: consumption so far this period, the projection at the current burn to the period's end
/// (dashed), the limit and the alert thresholds as rules.
struct BurnDownGrid {
    /// A chart box needs its border, three plot rows and the axis labels.
    static let minimumHeight = 7
    static let minimumWidth = 44

    let snapshot: DashboardSnapshot
    let selected: Int
    let ascii: Bool

    func render(into canvas: inout Canvas, area: Rect) {
        let all = snapshot.budgets
        let budgets = all.filter { $0.periodStart != nil }
        guard !budgets.isEmpty, area.height >= Self.minimumHeight else { return }
        let selectedName = all.indices.contains(selected) ? all[selected].name : nil
        let selected = budgets.firstIndex { $0.name == selectedName } ?? 0
        let columns = max(1, min(budgets.count, area.width / Self.minimumWidth))
        let rowsNeeded = (budgets.count + columns - 1) / columns
        let rows = max(1, min(rowsNeeded, area.height / Self.minimumHeight))
        let selectedRow = min(max(0, selected), budgets.count - 1) / columns
        let first = max(0, selectedRow - rows + 1) * columns
        let rowRects = area.splitRows(Array(repeating: .fill(), count: rows))
        for (row, rowRect) in rowRects.enumerated() {
            let cells = rowRect.splitColumns(Array(repeating: .fill(), count: columns))
            for (column, cell) in cells.enumerated() {
                let index = first + row * columns + column
                guard index < budgets.count else { return }
                let history = snapshot.budgetHistories.first { $0.name == budgets[index].name }
                BurnDownChart(budget: budgets[index], history: history, now: snapshot.now, focused: budgets[index].name == selectedName, ascii: ascii).render(into: &canvas, area: cell)
            }
        }
    }
}
