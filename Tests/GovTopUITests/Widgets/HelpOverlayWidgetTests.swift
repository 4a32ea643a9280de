import Testing
@testable import GovTopUI

@Suite struct HelpOverlayWidgetTests {
    static let bindings: [KeyHelp] = [
        ("q", "quit", "General"),
        ("↑/k", "move up", "Navigation"),
        ("?", "toggle this help", "General"),
        ("↓/j", "move down", "Navigation"),
        ("Tab", "next panel", "Navigation"),
        ("Enter", "open trace", "Navigation"),
        ("/", "filter rows", "Filter"),
        ("Esc", "clear the filter", "Filter"),
    ]

    @Test func centredBoxWithSectionsInOrderOfFirstAppearance() {
        let canvas = rendered(width: 44, height: 16) {
            $0.fill($0.bounds, with: "·")
            HelpOverlay(bindings: Self.bindings).render(into: &$0, area: $0.bounds)
        }
        Snapshot.assertMatches(canvas.text, golden: "help-overlay")
        let keyRow = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("Enter") } ?? 0
        let keyColumn = canvas.line(keyRow).prefix { $0 != "E" }.count
        #expect(canvas.cell(x: keyColumn, y: keyRow)?.style.role == .key)
        #expect(canvas.roles(row: 15).allSatisfy { $0 == .text })
        #expect(canvas.roles(row: 0)[7] == .focusedBorder && canvas.roles(row: 0)[6] == .text)
    }

    @Test func scrollsWhenTallerThanTheArea() {
        let overlay = HelpOverlay(bindings: Self.bindings, scroll: 3, ascii: true)
        let canvas = rendered(width: 40, height: 7) { overlay.render(into: &$0, area: $0.bounds) }
        Snapshot.assertMatches(canvas.text, golden: "help-overlay-scrolled-ascii")
        #expect(overlay.maxScroll(in: canvas.bounds) == 8)
        #expect(HelpOverlay(bindings: Self.bindings).maxScroll(in: Rect(x: 0, y: 0, width: 80, height: 40)) == 0)
    }

    @Test func scrollIsClampedToTheLastPage() {
        let far = rendered(width: 40, height: 7) { HelpOverlay(bindings: Self.bindings, scroll: 99).render(into: &$0, area: $0.bounds) }
        let last = rendered(width: 40, height: 7) { HelpOverlay(bindings: Self.bindings, scroll: 8).render(into: &$0, area: $0.bounds) }
        #expect(far == last)
        #expect(far.text.contains("clear the filter"))
    }
}

@Suite struct HelpOverlayFromBindingTableTests {
    private let sections = [
        HelpSection(context: .global, title: "Everywhere", note: nil, entries: [
            HelpEntry(keys: "q", description: "quit"),
            HelpEntry(keys: "? F1", description: "help"),
        ]),
        HelpSection(context: .traceDetail, title: "Trace", note: "on the waterfall", entries: [
            HelpEntry(keys: "g", description: "go to root", overrideNote: "Home: top"),
        ]),
    ]

    @Test func sectionsNotesAndOverrideNotes() {
        let overlay = HelpOverlay(sections: sections)
        let canvas = rendered(width: 35, height: 9) { overlay.render(into: &$0, area: $0.bounds) }
        #expect(canvas.text == """
            ┏━ Help ━━━━━━━━━━━━━━━━━━━━━━━━━━┓
            ┃ Everywhere                      ┃
            ┃   q     quit                    ┃
            ┃   ? F1  help                    ┃
            ┃                                 ┃
            ┃ Trace                           ┃
            ┃   on the waterfall              ┃
            ┃   g     go to root  (Home: top) ┃
            ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛
            """)
        #expect(canvas.cell(x: 4, y: 6)?.style.role == .muted)
        #expect(canvas.cell(x: 22, y: 7)?.style.role == .muted)
        #expect(canvas.cell(x: 10, y: 7)?.style.role == .text)
        #expect(overlay.lineCount == 7)
        #expect(overlay.visibleLines(in: canvas.bounds) == 7)
        #expect(overlay.visibleLines(in: Rect(x: 0, y: 0, width: 38, height: 5)) == 3)
    }
}
