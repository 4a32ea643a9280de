import GovTopCore

/// One budget's burn-down in a box titled with its name, utilization and reset: x from the start
/// of the period to its end, y in dollars; consumption so far as sampled (ending at the amount
/// now), the projection at the current burn from now to the period's end (dashed), the limit as a
/// critical rule and each alert threshold as a warning rule. Before govtop's first sample of the
/// period, a muted straight line from zero at the period's start. A budget without a period
/// (reported in telemetry) says so instead.
struct BurnDownChart {
    let budget: BudgetStatus
    let history: BudgetBurnHistory?
    let now: UInt64
    let focused: Bool
    let ascii: Bool

    func render(into canvas: inout Canvas, area: Rect) {
        let used = budget.utilization.map(ViewFormat.percent) ?? "?"
        let trailing = budget.resetsAt.map { used + ViewGlyphs.separator(ascii: ascii) + "resets in " + ViewFormat.until($0, now: now) } ?? used
        let inner = Box(title: budget.name, trailingTitle: trailing, focused: focused, ascii: ascii).render(into: &canvas, area: area)
        guard let start = budget.periodStart, let end = budget.resetsAt, end > start, let limit = budget.limitUSD,
              let consumed = budget.consumedUSD else {
            let text = budget.source == .telemetry ? "reported in telemetry: no period to chart" : "no period known"
            canvas.put(text, at: inner.x, y: inner.y, style: CellStyle(.muted), maxWidth: inner.width, overflow: .ellipsis(ascii: ascii))
            return
        }
        func x(_ instant: UInt64) -> Double { Double(instant &- min(instant, start)) / 1e9 }
        let nowX = x(min(max(now, start), end))
        var xs: [Double] = [], ys: [Double] = []
        for sample in history?.samples ?? [] where sample.at >= start && sample.at <= now {
            xs.append(x(sample.at))
            ys.append(sample.consumed.usd)
        }
        xs.append(nowX)
        ys.append(consumed)
        var lines = [ChartLine(xs: xs, ys: ys, role: .info)]
        // A period starts at zero: before govtop's first sample, a muted straight line from there.
        if let firstX = xs.first, firstX > 0 {
            lines.insert(ChartLine(xs: [0, firstX], ys: [0, ys[0]], role: .muted), at: 0)
        }
        if let burn = budget.burnUSDPerHour, burn > 0, now < end {
            // Cut where it leaves the chart (half again above the limit), so the limit stays readable.
            let ceiling = max(limit, consumed) * 1.5
            let perSecond = burn / 3600
            var endX = x(end)
            var projected = consumed + perSecond * (endX - nowX)
            if projected > ceiling, ceiling > consumed {
                endX = nowX + (ceiling - consumed) / perSecond
                projected = ceiling
            }
            lines.append(ChartLine(xs: [nowX, endX], ys: [consumed, projected], role: budget.projectedExhaustion == nil ? .ok : .warning,
                                   dashed: true))
        }
        var rules = budget.thresholds.filter { $0 < 1 }.map {
            ChartRule(value: limit * $0, label: ViewFormat.percent($0), role: .warning)
        }
        rules.append(ChartRule(value: limit, label: "limit " + ViewFormat.usd(limit), role: .critical))
        let ticks = [
            ChartTick(0, "-" + ViewFormat.until(now, now: start)),
            ChartTick(nowX / max(1, x(end)), "now"),
            ChartTick(1, "+" + ViewFormat.until(end, now: now)),
        ]
        LineChart(lines: lines, rules: rules, xRange: 0...max(1, x(end)), ticks: ticks, ascii: ascii) { ViewFormat.usd($0) }
            .render(into: &canvas, area: inner)
    }
}
