import Testing
@testable import GovTopUI

@Suite struct TabsTests {
    private let tabs = Tabs(titles: ["1 Overview", "2 Traces", "3 Teams"], selected: 1, leading: "govtop", trailing: "42 spans/s")

    private func draw(_ tabs: Tabs, width: Int) -> Canvas {
        rendered(width: width, height: 1) { tabs.render(into: &$0, area: $0.bounds) }
    }

    @Test func leadingTabsAndTrailingStatus() {
        let canvas = draw(tabs, width: 60)
        #expect(canvas.text == " govtop  1 Overview  2 Traces  3 Teams           42 spans/s")
        let roles = canvas.roles(row: 0)
        #expect(roles[20...29].allSatisfy { $0 == .headerAccent })
        #expect(roles[0...19].allSatisfy { $0 == .header } && roles[30...].allSatisfy { $0 == .header })
        #expect(canvas.cell(x: 1, y: 0)?.style == CellStyle(.header, .bold))
    }

    @Test func trailingTextGoesFirstThenTabsAreCut() {
        #expect(draw(tabs, width: 30).text == " govtop  1 Overview  2 Traces")
        #expect(draw(tabs, width: 26).text == " govtop  1 Overview  2 Tr…")
        var ascii = tabs
        ascii.ascii = true
        #expect(draw(ascii, width: 26).text == " govtop  1 Overview  2 Tr~")
    }

    @Test func noSelectionAndNoExtras() {
        let canvas = draw(Tabs(titles: ["a", "b"]), width: 8)
        #expect(canvas.text == " a  b")
        #expect(canvas.roles(row: 0).allSatisfy { $0 == .header })
    }
}

@Suite struct KeyHintsTests {
    private let hints: [KeyHelp] = [
        ("q", "quit", "General"), ("/", "filter", "General"), ("?", "help", "General"), ("Tab", "next panel", "Navigation"),
    ]

    @Test func allHintsWhenTheyFit() {
        let canvas = rendered(width: 40, height: 1) { KeyHints(hints).render(into: &$0, area: $0.bounds) }
        #expect(canvas.text == "q quit  / filter  ? help  Tab next panel")
        #expect(canvas.roles(row: 0)[0] == .key && canvas.roles(row: 0)[2] == .muted && canvas.roles(row: 0)[26] == .key)
    }

    @Test(arguments: [(39, 3), (24, 3), (23, 2), (6, 1), (5, 0), (0, 0)])
    func onlyWholeHintsInOrder(width: Int, count: Int) {
        #expect(KeyHints(hints).fittingCount(width: width) == count)
    }

    @Test func aHintThatDoesNotFitEndsTheLine() {
        let canvas = rendered(width: 30, height: 1) { KeyHints(hints).render(into: &$0, area: $0.bounds) }
        #expect(canvas.text == "q quit  / filter  ? help")
    }

    @Test func keysAndDescriptionsAreSanitized() {
        let canvas = rendered(width: 12, height: 1) { KeyHints([("\u{1B}", "x\u{9B}", "s")]).render(into: &$0, area: $0.bounds) }
        #expect(canvas.text == "\u{FFFD} x\u{FFFD}")
    }
}
