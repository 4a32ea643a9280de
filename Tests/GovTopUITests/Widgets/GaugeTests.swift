import Testing
@testable import GovTopUI

@Suite struct GaugeTests {
    private func draw(_ gauge: Gauge, width: Int) -> Canvas {
        rendered(width: width, height: 1) { gauge.render(into: &$0, area: $0.bounds) }
    }

    @Test func labelBesideTheBar() {
        let canvas = draw(Gauge(fraction: 0.5, level: .ok, label: "50%"), width: 14)
        #expect(canvas.text == "█████░░░░░ 50%")
        #expect(canvas.roles(row: 0) == Array(repeating: .gaugeOK, count: 5) + Array(repeating: .gaugeEmpty, count: 5) + Array(repeating: .text, count: 4))
    }

    @Test(arguments: [
        (0.0, "░░░░░░░░░░"), (0.33, "███▎░░░░░░"), (0.05, "▌░░░░░░░░░"), (0.04, "▍░░░░░░░░░"), (0.999, "██████████"),
        (1.4, "██████████"), (-0.5, "░░░░░░░░░░"), (Double.nan, "░░░░░░░░░░"), (Double.infinity, "██████████"),
    ])
    func fillsInEighthsOfAColumn(fraction: Double, expected: String) {
        #expect(draw(Gauge(fraction: fraction), width: 10).text == expected)
    }

    @Test func levelPicksTheRole() {
        #expect(draw(Gauge(fraction: 1, level: .warning), width: 3).roles(row: 0) == [.gaugeWarning, .gaugeWarning, .gaugeWarning])
        #expect(draw(Gauge(fraction: 1, level: .critical), width: 1).roles(row: 0) == [.gaugeCritical])
    }

    @Test func labelInsideIsReversedOverTheFilledPart() {
        let canvas = draw(Gauge(fraction: 0.75, level: .critical, label: "75%", labelPlacement: .inside), width: 10)
        #expect(canvas.text == "███75%█▌░░")
        #expect(canvas.cell(x: 3, y: 0)?.style == CellStyle(.gaugeCritical, .reverse))
        let low = draw(Gauge(fraction: 0.1, label: "10%", labelPlacement: .inside), width: 9)
        #expect(low.text == "▉░░10%░░░")
        #expect(low.cell(x: 3, y: 0)?.style == CellStyle(.text))
    }

    @Test func asciiFallback() {
        #expect(draw(Gauge(fraction: 0.5, level: .warning, label: "50%", ascii: true), width: 14).text == "#####..... 50%")
        #expect(draw(Gauge(fraction: 0.26, ascii: true), width: 10).text == "###.......")
        #expect(draw(Gauge(fraction: 0.5, label: "a long label", labelPlacement: .inside, ascii: true), width: 6).text == "a lon~")
    }

    @Test func aLabelThatLeavesNoRoomForTheBarIsDropped() {
        #expect(draw(Gauge(fraction: 1, label: "100%"), width: 6).text == "██████")
        #expect(draw(Gauge(fraction: 1, label: "100%"), width: 8).text == "███ 100%")
    }
}

@Suite struct SparklineTests {
    @Test func scalesToTheLargestValueAndLeavesZeroBlank() {
        #expect(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8]).glyphs(width: 9) == " ▁▂▃▄▅▆▇█")
        #expect(Sparkline(values: [0.1, 100]).glyphs(width: 2) == "▁█")
    }

    @Test func showsTheNewestValuesRightAligned() {
        let sparkline = Sparkline(values: [8, 1, 2, 4])
        #expect(sparkline.glyphs(width: 2) == "▄█")
        #expect(sparkline.glyphs(width: 6) == "  █▁▂▄")
        #expect(sparkline.glyphs(width: 0) == "")
        #expect(sparkline.glyphs(width: -1) == "")
    }

    @Test func aGivenMaximumFixesTheScale() {
        #expect(Sparkline(values: [5, 20, 10], maximum: 10).glyphs(width: 3) == "▄██")
        #expect(Sparkline(values: [5], maximum: 0).glyphs(width: 1) == " ")
        #expect(Sparkline(values: [5], maximum: .nan).glyphs(width: 1) == " ")
    }

    @Test func badValuesAreBlank() {
        #expect(Sparkline(values: [.nan, -3, 4, .infinity]).glyphs(width: 4) == "    ")
        #expect(Sparkline(values: [.nan, -3, 4]).glyphs(width: 3) == "  █")
    }

    @Test func asciiFallback() {
        #expect(Sparkline(values: [1, 2, 3, 4, 5], ascii: true).glyphs(width: 5) == "_.-=^")
    }

    @Test func rendersInTheSparklineRole() {
        let canvas = rendered(width: 5, height: 2) { Sparkline(values: [1, 2]).render(into: &$0, area: Rect(x: 1, y: 1, width: 3, height: 1)) }
        #expect(canvas.text == "\n  ▄█")
        #expect(canvas.roles(row: 1)[1...3].allSatisfy { $0 == .sparkline })
        #expect(canvas.roles(row: 1)[4] == .text)
    }
}

@Suite struct BarTests {
    @Test(arguments: [
        (0.25, 8, false, "██      "), (0.3, 5, false, "█▌   "), (0.3, 5, true, "##   "),
        (1.0, 3, false, "███"), (0.0, 3, false, "   "), (2.0, 2, true, "##"), (0.5, 0, false, ""),
    ])
    func text(fraction: Double, width: Int, ascii: Bool, expected: String) {
        #expect(Bar(fraction: fraction, ascii: ascii).text(width: width) == expected)
    }

    @Test func rendersInItsRole() {
        let canvas = rendered(width: 4, height: 1) { Bar(fraction: 0.5, role: .ok).render(into: &$0, area: $0.bounds) }
        #expect(canvas.text == "██")
        #expect(canvas.roles(row: 0) == [.ok, .ok, .ok, .ok])
    }
}
