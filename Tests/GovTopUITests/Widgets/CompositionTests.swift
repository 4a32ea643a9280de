import Testing
@testable import GovTopUI

/// Widgets laid out together the way a view composes them: the title strip, two panels side by
/// side, gauges, a sparkline and the footer, in UTF-8 and in ASCII.
@Suite struct CompositionTests {
    private func screen(ascii: Bool) -> Canvas {
        rendered(width: 64, height: 14) { canvas in
            let (top, rest) = canvas.bounds.splitTop(1)
            let (body, footer) = rest.splitBottom(1)
            Tabs(titles: ["1 Overview", "2 Traces", "3 Budgets"], selected: 0, leading: "govtop", trailing: "1.2k spans/s", ascii: ascii)
                .render(into: &canvas, area: top)
            let panels = body.splitColumns([.ratio(0.55), .fill])
            let teams = Box(title: "Teams", trailingTitle: "2/3", focused: true, ascii: ascii).render(into: &canvas, area: panels[0])
            Table(
                columns: [TableColumn("TEAM", width: .min(6)), TableColumn("COST", width: .fixed(8), alignment: .right), TableColumn("REQ", width: .fixed(4), alignment: .right)],
                ascii: ascii
            ).render(into: &canvas, area: teams, state: ListState(selected: 1), rows: [
                ["support", "$12.50", "120"], ["research", TableCell("$1204.00", role: .critical), "9"], ["中文团队", "$0.10", "3"],
            ])
            let budgets = Box(title: "Budgets", ascii: ascii).render(into: &canvas, area: panels[1])
            let lines = budgets.splitRows([.fixed(1), .fixed(1), .fixed(1), .fixed(1), .fill])
            canvas.put("support", at: lines[0].x, y: lines[0].y, style: CellStyle(.muted))
            Gauge(fraction: 0.42, level: .ok, label: "42%", ascii: ascii).render(into: &canvas, area: lines[1])
            canvas.put("research", at: lines[2].x, y: lines[2].y, style: CellStyle(.muted))
            Gauge(fraction: 1.3, level: .critical, label: "130%", labelPlacement: .inside, ascii: ascii).render(into: &canvas, area: lines[3])
            Sparkline(values: [0, 1, 3, 2, 5, 8, 6, 4, 7, 9, 3, 1, 0, 2, 4, 6, 8, 9, 7, 5, 3, 2, 1, 4, 6], ascii: ascii)
                .render(into: &canvas, area: lines[4].row(lines[4].height - 1))
            KeyHints([("q", "quit", "General"), ("?", "help", "General"), ("Tab", "next panel", "Navigation"), ("/", "filter", "Filter"), ("Enter", "open", "Navigation")])
                .render(into: &canvas, area: footer)
        }
    }

    @Test func dashboard() {
        let canvas = screen(ascii: false)
        Snapshot.assertMatches(canvas.text, golden: "dashboard")
        #expect(canvas.roles(row: 4).filter { $0 == .selection }.count == 33)
        #expect(canvas.roles(row: 4)[35] == .border && canvas.roles(row: 4)[34] == .focusedBorder)
    }

    @Test func dashboardASCII() {
        let canvas = screen(ascii: true)
        Snapshot.assertMatches(canvas.text, golden: "dashboard-ascii")
    }
}
