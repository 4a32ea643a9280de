import GovTopCore

/// The History screen (`H`): the groups of one dimension at the left, most expensive first; for the
/// selected group, spend per day over the last 30 days and per hour over the last 48 hours as bars,
/// with the limit of a daily (hourly) budget of exactly that group marked on the day (hour) chart;
/// month-to-date spend, the month-end projection at the month's pace so far, and the group's
/// monthly budget when it has one.
struct HistoryView {
    var history: HistoryFrame?
    var budgets: [BudgetStatus]
    var selected: Int
    var ascii: Bool

    static let listWidth = 28

    func render(into canvas: inout Canvas, area: Rect) {
        let separator = ViewGlyphs.separator(ascii: ascii)
        let title = "History" + separator + "by " + (history?.dimension.rawValue ?? "team")
        let inner = Box(title: title, trailingTitle: "g group by", focused: true, ascii: ascii).render(into: &canvas, area: area)
        guard let history else {
            canvas.put("no ledger of record: history is kept when govtop runs with state (not --ephemeral)", at: inner.x, y: inner.y,
                       style: CellStyle(.muted), maxWidth: inner.width, overflow: .ellipsis(ascii: ascii))
            return
        }
        let keys = history.keys
        guard !keys.isEmpty else {
            canvas.put("nothing spent in the last 30 days", at: inner.x, y: inner.y, style: CellStyle(.muted), maxWidth: inner.width)
            return
        }
        let index = min(max(0, selected), keys.count - 1)
        let (list, detail) = inner.splitLeft(min(Self.listWidth, inner.width / 3))
        renderList(into: &canvas, area: list, history: history, selected: index)
        renderDetail(into: &canvas, area: detail.inset(left: 1), history: history, key: keys[index])
    }

    private func renderList(into canvas: inout Canvas, area: Rect, history: HistoryFrame, selected: Int) {
        let first = max(0, selected - area.height + 1)
        for (row, series) in history.days.series.dropFirst(first).prefix(area.height).enumerated() {
            let total = series.points.suffix(30).reduce(Money.zero) { $0 + $1.totals.cost }
            let cost = ViewFormat.usd(total.usd)
            let isSelected = first + row == selected
            let style = CellStyle(isSelected ? .selection : .text)
            let y = area.y + row
            if isSelected { canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
            canvas.put(series.key, at: area.x, y: y, style: style, maxWidth: max(0, area.width - cost.count - 1),
                       overflow: .ellipsis(ascii: ascii))
            canvas.put(cost, at: area.maxX - cost.count, y: y, style: style)
        }
    }

    private func renderDetail(into canvas: inout Canvas, area: Rect, history: HistoryFrame, key: String) {
        guard area.height >= 6, area.width >= 10 else { return }
        let days = history.days.series.first { $0.key == key }?.points ?? []
        let hours = history.hours.series.first { $0.key == key }?.points ?? []
        let scoped = budgets.filter { $0.source == .config && $0.scope == [history.dimension: key] }
        let dailyLimit = scoped.first { $0.period == "daily" }?.limitUSD
        let hourlyLimit = scoped.first { $0.period == "hourly" }?.limitUSD
        let monthStart = MonthMath.start(of: history.now)
        let monthEnd = MonthMath.end(of: history.now)
        let monthToDate = days.filter { $0.start >= monthStart }.reduce(Money.zero) { $0 + $1.totals.cost }.usd
        let elapsed = Double(max(1, history.now - monthStart))
        let projected = monthToDate * Double(monthEnd - monthStart) / elapsed
        var line = "month to date " + ViewFormat.usd(monthToDate) + ViewGlyphs.separator(ascii: ascii)
            + "projected month end " + ViewFormat.usd(projected)
        if let monthly = scoped.first(where: { $0.period == "monthly" }), let limit = monthly.limitUSD {
            line += ViewGlyphs.separator(ascii: ascii) + "budget " + ViewFormat.usd(limit) + (projected > limit ? " (projected over)" : "")
        }
        canvas.put(key, at: area.x, y: area.y, style: CellStyle(.title, .bold), maxWidth: area.width, overflow: .ellipsis(ascii: ascii))
        canvas.put(line, at: area.x, y: area.y + 1, style: CellStyle(.text), maxWidth: area.width, overflow: .ellipsis(ascii: ascii))
        let charts = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2).splitRows([.ratio(0.5), .fill])
        renderChart(into: &canvas, area: charts[0], title: "per day, last 30 days", points: Array(days.suffix(30)),
                    limit: dailyLimit, limitName: "daily budget")
        renderChart(into: &canvas, area: charts[1], title: "per hour, last 48 hours", points: hours, limit: hourlyLimit,
                    limitName: "hourly budget")
    }

    private func renderChart(into canvas: inout Canvas, area: Rect, title: String, points: [HistoryPoint], limit: Double?, limitName: String) {
        guard area.height >= 3 else { return }
        let values = points.map(\.totals.cost.usd)
        var heading = title + ": max " + ViewFormat.usd(values.max() ?? 0)
        if let limit { heading += ViewGlyphs.separator(ascii: ascii) + limitName + " " + ViewFormat.usd(limit) + (ascii ? " (---)" : " (╌╌╌)") }
        canvas.put(heading, at: area.x, y: area.y, style: CellStyle(.muted), maxWidth: area.width, overflow: .ellipsis(ascii: ascii))
        HistoryBars(values: values, limit: limit, ascii: ascii)
            .render(into: &canvas, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1))
    }
}
