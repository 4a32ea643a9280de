import Testing
@testable import GovTopUI

@Suite struct BoxTests {
    @Test func roundedBorderWithTitle() {
        var inner = Rect.zero
        let canvas = rendered(width: 12, height: 4) { inner = Box(title: "Traces").render(into: &$0, area: $0.bounds) }
        #expect(canvas.text == """
            ╭─ Traces ─╮
            │          │
            │          │
            ╰──────────╯
            """)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(canvas.cell(x: 0, y: 0)?.style.role == .border)
        #expect(canvas.cell(x: 3, y: 0)?.style.role == .title)
        #expect(canvas.cell(x: 2, y: 0)?.style.role == .border)
        #expect(canvas.cell(x: 0, y: 2)?.style.role == .border)
    }

    @Test func focusedBoxIsHeavyAndUsesTheFocusedRole() {
        let canvas = rendered(width: 11, height: 3) { Box(title: "Teams", focused: true).render(into: &$0, area: $0.bounds) }
        #expect(canvas.text == """
            ┏━ Teams ━┓
            ┃         ┃
            ┗━━━━━━━━━┛
            """)
        #expect(canvas.cell(x: 10, y: 1)?.style.role == .focusedBorder)
        #expect(canvas.cell(x: 3, y: 0)?.style == CellStyle(.title, .bold))
    }

    @Test func asciiFallback() {
        let canvas = rendered(width: 25, height: 6) {
            Box(title: "Budgets", ascii: true).render(into: &$0, area: Rect(x: 0, y: 0, width: 13, height: 3))
            Box(title: "Alerts", focused: true, ascii: true).render(into: &$0, area: Rect(x: 13, y: 0, width: 12, height: 3))
            Box(title: "Overview", ascii: true).render(into: &$0, area: Rect(x: 0, y: 3, width: 10, height: 3))
        }
        #expect(canvas.text == """
            +- Budgets -+#= Alerts =#
            |           ||          |
            +-----------+#==========#
            +- Ove~ -+
            |        |
            +--------+
            """)
        #expect(canvas.text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func trailingTitleSitsAtTheRightAndGivesWayWhenCrowded() {
        let canvas = rendered(width: 20, height: 4) {
            Box(title: "Traces", trailingTitle: "3/9").render(into: &$0, area: Rect(x: 0, y: 0, width: 20, height: 2))
            Box(title: "Traces", trailingTitle: "123/456").render(into: &$0, area: Rect(x: 0, y: 2, width: 15, height: 2))
        }
        #expect(canvas.text == """
            ╭─ Traces ─── 3/9 ─╮
            ╰──────────────────╯
            ╭─ Traces ────╮
            ╰─────────────╯
            """)
        #expect(canvas.cell(x: 14, y: 0)?.style.role == .muted)
    }

    @Test func longTitlesAreCutAndTinyAreasDrawNothing() {
        let canvas = rendered(width: 10, height: 3) {
            Box(title: "Governance").render(into: &$0, area: Rect(x: 0, y: 0, width: 10, height: 2))
            Box(title: "x").render(into: &$0, area: Rect(x: 0, y: 2, width: 10, height: 1))
        }
        #expect(canvas.text == """
            ╭─ Gov… ─╮
            ╰────────╯

            """)
    }

    @Test func theInteriorIsCleared() {
        let canvas = rendered(width: 5, height: 3) {
            $0.put("xxxxx", at: 0, y: 1)
            Box().render(into: &$0, area: $0.bounds)
        }
        #expect(canvas.text == "╭───╮\n│   │\n╰───╯")
    }

    @Test func controlCharactersInTitlesAreReplaced() {
        let canvas = rendered(width: 12, height: 2) { Box(title: "a\u{1B}[2Jb").render(into: &$0, area: $0.bounds) }
        #expect(canvas.text.hasPrefix("╭─ a\u{FFFD}[2Jb ─╮"))
    }
}
