import GovTopCore

/// Spend over time in a box: all spend and the top teams as separate lines in dollars per minute,
/// a legend in the first row. The dashboard shows the last hour per minute (and the last day per
/// 15 minutes below it when the box is tall); zoomed (key 5) it shows both, each half the screen.
struct SpendChartView {
    let spend: SpendHistory
    let zoomed: Bool
    let ascii: Bool

    /// The roles of the lines: all spend, then each team in order.
    static func role(ofTeam index: Int?) -> Role {
        index.map { .service($0) } ?? .sparkline
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let title = "Spend $/min"
        let inner = Box(title: title, trailingTitle: zoomed ? "Esc back" : "5 zoom", focused: false, ascii: ascii)
            .render(into: &canvas, area: area)
        guard inner.height >= 4, inner.width >= 20 else { return }
        let (legendRow, body) = inner.splitTop(1)
        drawLegend(into: &canvas, area: legendRow)
        if zoomed || body.height >= 24 {
            let halves = body.splitRows([.ratio(0.5), .fill])
            chart(spend.hour, caption: "last hour, per minute", into: &canvas, area: halves[0])
            chart(spend.day, caption: "last 24 hours, per 15 minutes", into: &canvas, area: halves[1])
        } else {
            chart(spend.hour, caption: "last hour, per minute", into: &canvas, area: body)
        }
    }

    /// `━ total  ━ growth  ━ support …`, each mark in its line's colour; the teams of the last hour
    /// (or of the day when the hour had no spend).
    private func drawLegend(into canvas: inout Canvas, area: Rect) {
        let teams = spend.hour.teams.isEmpty ? spend.day.teams : spend.hour.teams
        let mark = ascii ? "-" : "━"
        var x = area.x
        let entries = [(nil as Int?, "total")] + teams.enumerated().map { (Optional($0.offset), $0.element.name) }
        for (index, name) in entries {
            guard x < area.maxX else { break }
            x += canvas.put(mark + " ", at: x, y: area.y, style: CellStyle(Self.role(ofTeam: index)), maxWidth: area.maxX - x)
            x += canvas.put(name, at: x, y: area.y, style: CellStyle(.text), maxWidth: area.maxX - x, overflow: .ellipsis(ascii: ascii))
            x += 2
        }
    }

    private func chart(_ window: SpendWindow, caption: String, into canvas: inout Canvas, area: Rect) {
        guard area.height >= 3 else { return }
        let minutes = Double(window.resolutionSeconds) / 60
        func perMinute(_ amounts: [Money]) -> [Double] { amounts.map { $0.usd(per: minutes) } }
        let count = window.total.count
        var lines = window.teams.enumerated().reversed().map { index, team in
            ChartLine(values: perMinute(team.amounts), role: Self.role(ofTeam: index))
        }
        lines.append(ChartLine(values: perMinute(window.total), role: Self.role(ofTeam: nil)))
        let span = window.resolutionSeconds * max(count, 1)
        let ticks = [ChartTick(0, "-" + ViewFormat.span(seconds: UInt64(span))), ChartTick(0.5, caption), ChartTick(1, "now")]
        LineChart(lines: lines, xRange: 0...Double(max(1, count - 1)), yMinimumTop: 0.01, ticks: ticks, ascii: ascii) { value in
            ViewFormat.usd(value)
        }.render(into: &canvas, area: area)
    }
}
