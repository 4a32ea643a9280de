import Testing
@testable import GovTopUI

@Suite struct WaterfallTests {
    static let rows = [
        WaterfallSpan(depth: 0, name: "invoke_agent support-bot", start: 0, end: 2.0, serviceIndex: 0, disclosure: .expanded, label: "2.00s"),
        WaterfallSpan(depth: 1, name: "chat gpt-4o", start: 0.1, end: 1.2, serviceIndex: 1, label: "1.10s"),
        WaterfallSpan(depth: 1, name: "execute_tool search", start: 1.2, end: 1.9, serviceIndex: 2, isError: true, disclosure: .expanded, label: "700ms"),
        WaterfallSpan(depth: 2, name: "GET /search", start: 1.25, end: 1.85, serviceIndex: 11, isError: true, label: "600ms"),
        WaterfallSpan(depth: 1, name: "chat claude-sonnet", start: 1.9, end: 2.0, serviceIndex: 1, disclosure: .collapsed, label: "100ms"),
    ]

    private let waterfall = Waterfall(totalDuration: 2.0, axisLabels: ["0", "0.5s", "1s", "1.5s", "2s"])

    @Test func treeNamesAndBarsOnASharedAxis() {
        let canvas = rendered(width: 60, height: 7) {
            waterfall.render(into: &$0, area: $0.bounds, state: ListState(selected: 2), rows: Self.rows)
        }
        Snapshot.assertMatches(canvas.text, golden: "waterfall")
        #expect(canvas.roles(row: 1)[25...59].allSatisfy { $0 == .service(0) || $0 == .muted || $0 == .text })
        #expect(canvas.roles(row: 1).contains(.service(0)))
        #expect(canvas.roles(row: 4).contains(.service(11)))
        #expect(canvas.cell(x: 23, y: 3)?.style == CellStyle(.critical, .bold))
        #expect(canvas.roles(row: 3)[0...22].allSatisfy { $0 == .selection })
        #expect(canvas.roles(row: 0).allSatisfy { $0 == .text || $0 == .muted })
    }

    @Test func asciiAndNarrow() {
        let ascii = Waterfall(totalDuration: 2.0, nameWidth: 16, ascii: true)
        let canvas = rendered(width: 36, height: 5) {
            ascii.render(into: &$0, area: $0.bounds, state: ListState(), rows: Self.rows)
        }
        Snapshot.assertMatches(canvas.text, golden: "waterfall-ascii")
        #expect(canvas.text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func barsAreAtLeastOneColumnAndStayInsideTheAxis() {
        let rows = [
            WaterfallSpan(depth: 0, name: "instant", start: 1, end: 1),
            WaterfallSpan(depth: 0, name: "late", start: 5, end: 9),
            WaterfallSpan(depth: 0, name: "backwards", start: 0.5, end: 0.2),
            WaterfallSpan(depth: 0, name: "nan", start: .nan, end: 1),
        ]
        let canvas = rendered(width: 14, height: 4) {
            Waterfall(totalDuration: 2, nameWidth: 9).render(into: &$0, area: $0.bounds, state: ListState(), rows: rows)
        }
        #expect(canvas.text == """
              instant   █
              late       █
              backwa…  █
              nan
            """)
    }

    @Test(arguments: [false, true])
    func errorsWinOverPolicyViolations(ascii: Bool) {
        let rows = [
            WaterfallSpan(depth: 0, name: "policy", start: 0, end: 1, isViolation: true),
            WaterfallSpan(depth: 0, name: "both", start: 0, end: 1, isError: true, isViolation: true),
        ]
        let canvas = rendered(width: 12, height: 2) {
            Waterfall(totalDuration: 1, nameWidth: 10, ascii: ascii).render(into: &$0, area: $0.bounds, state: ListState(), rows: rows)
        }
        #expect(canvas.text == (ascii ? "  policy * =\n  both   ! =" : "  policy ⚑ █\n  both   ✗ █"))
        #expect(canvas.cell(x: 9, y: 0)?.style == CellStyle(.warning, .bold))
        #expect(canvas.cell(x: 9, y: 1)?.style == CellStyle(.critical, .bold))
    }

    @Test func deepNestingKeepsRoomForTheName() {
        let rows = [WaterfallSpan(depth: 400, name: "deep span", start: 0, end: 1)]
        let canvas = rendered(width: 20, height: 1) {
            Waterfall(totalDuration: 1, nameWidth: 12).render(into: &$0, area: $0.bounds, state: ListState(), rows: rows)
        }
        #expect(canvas.text == "      deep … ███████")
    }

    @Test func aZeroOrInvalidTotalDrawsNamesOnly() {
        let canvas = rendered(width: 20, height: 1) {
            Waterfall(totalDuration: 0, nameWidth: 8).render(into: &$0, area: $0.bounds, state: ListState(), rows: [Self.rows[1]])
        }
        #expect(canvas.text == "  chat …")
    }

    @Test func onlyVisibleRowsAreRequested() {
        var requested: [Int] = []
        _ = rendered(width: 30, height: 4) {
            waterfall.render(into: &$0, area: $0.bounds, state: ListState(selected: 10), rowCount: 50) { index in
                requested.append(index)
                return WaterfallSpan(depth: 0, name: "s\(index)", start: 0, end: 1)
            }
        }
        #expect(requested == [8, 9, 10])
    }
}
