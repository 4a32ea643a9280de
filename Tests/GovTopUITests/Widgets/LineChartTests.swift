import Testing
@testable import GovTopUI

/// The braille dot grid and the line chart drawn into a canvas.
@Suite struct LineChartTests {
    @Test func dotsMapToBraillePatterns() {
        var grid = DotGrid(columns: 2, rows: 1)
        grid.set(x: 0, y: 0, role: .info)
        grid.set(x: 1, y: 3, role: .info)
        grid.set(x: 2, y: 1, role: .ok)
        grid.set(x: 9, y: 9, role: .ok)
        var canvas = Canvas(width: 2, height: 1)
        grid.render(into: &canvas, area: canvas.bounds, ascii: false)
        #expect(canvas.text == "\u{2881}\u{2802}")
        #expect(canvas.cell(x: 0, y: 0)?.style.role == .info)
        #expect(canvas.cell(x: 1, y: 0)?.style.role == .ok)
        var ascii = Canvas(width: 2, height: 1)
        grid.render(into: &ascii, area: ascii.bounds, ascii: true)
        #expect(ascii.text == ":'")
    }

    @Test func lineJoinsItsEnds() {
        var grid = DotGrid(columns: 4, rows: 1)
        grid.line(from: (0, 3), to: (7, 3), role: .info)
        var canvas = Canvas(width: 4, height: 1)
        grid.render(into: &canvas, area: canvas.bounds, ascii: false)
        #expect(canvas.text == String(repeating: "\u{28C0}", count: 4))
    }

    @Test(arguments: [(0.0, 1.0), (0.003, 0.005), (0.9, 1.0), (1.0, 1.0), (1.2, 2.0), (36.0, 50.0), (4_800.0, 5_000.0), (7.5, 10.0)])
    func yAxisTopIsARoundNumber(largest: Double, top: Double) {
        let chart = LineChart(lines: [ChartLine(values: [0, largest], role: .info)], xRange: 0...1) { "\($0)" }
        #expect(abs(chart.yTop - top) < 1e-9)
    }

    /// A rising line with a limit rule: axis labels at top, middle and zero, the rule labelled at
    /// the right, ticks under the plot.
    @Test func rendersAxisRuleAndTicks() {
        let chart = LineChart(lines: [ChartLine(values: [0, 1, 2, 3, 4], role: .info)],
                              rules: [ChartRule(value: 5, label: "limit", role: .critical)], xRange: 0...4,
                              ticks: [ChartTick(0, "-4m"), ChartTick(1, "now")]) { ViewFormat.usd($0) }
        var canvas = Canvas(width: 24, height: 6)
        chart.render(into: &canvas, area: canvas.bounds)
        let lines = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("$5.00┤"))
        #expect(lines[0].hasSuffix("limit"))
        #expect(lines[2].hasPrefix("$2.50┤"))
        #expect(lines[4].hasPrefix("$0.00┤"))
        #expect(lines[5].hasPrefix("      -4m"))
        #expect(lines[5].hasSuffix("now"))
        #expect(canvas.cell(x: 0, y: 0)?.style.role == .muted)
        #expect(canvas.cell(x: 6, y: 4)?.style.role == .info)
        #expect(canvas.cell(x: 23, y: 0)?.style.role == .critical)
    }

    @Test func tooSmallAreaDrawsNothing() {
        var canvas = Canvas(width: 7, height: 2)
        LineChart(lines: [ChartLine(values: [1], role: .info)], xRange: 0...1) { "\($0)" }.render(into: &canvas, area: canvas.bounds)
        #expect(canvas.text.allSatisfy { $0 == " " || $0 == "\n" })
    }
}
