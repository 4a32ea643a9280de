import Testing
@testable import GovTopUI

@Suite struct TableTests {
    private let columns = [
        TableColumn("TEAM", width: .min(6)),
        TableColumn("COST", width: .fixed(7), alignment: .right),
        TableColumn("REQ", width: .fixed(4), alignment: .right),
    ]

    private let rows: [[TableCell]] = [
        ["support", "$12.50", "120"],
        ["research-and-dev", TableCell("$1,204.00", role: .critical), "9"],
        ["ml", "$0.10", "3"],
        ["web", "$4.00", TableCell("44", attributes: .bold)],
    ]

    @Test(arguments: [
        ([ColumnWidth.fixed(4), .flex(1), .fixed(6)], 20, [4, 8, 6]),
        ([.min(5), .flex(2)], 20, [9, 10]),
        ([.fixed(6), .fixed(6), .fixed(6)], 14, [6, 6, 0]),
        ([.fixed(6), .flex(1), .fixed(6)], 10, [6, 3, 0]),
        ([.flex(1), .flex(1)], 9, [4, 4]),
        ([.flex(1), .flex(1)], 0, [0, 0]),
        ([.min(0), .fixed(3)], 10, [6, 3]),
        ([.fixed(3), .flex(0)], 10, [3, 0]),
    ] as [([ColumnWidth], Int, [Int])])
    func columnWidths(rules: [ColumnWidth], total: Int, expected: [Int]) {
        let columns = rules.map { TableColumn("c", width: $0) }
        #expect(TableLayout.columnWidths(columns, totalWidth: total, spacing: 1) == expected)
    }

    @Test func headerRowsAndScrollingToTheSelection() {
        let table = Table(columns: columns)
        let canvas = rendered(width: 24, height: 4) {
            table.render(into: &$0, area: $0.bounds, state: ListState(selected: 3), rows: rows)
        }
        #expect(canvas.text == """
            TEAM           COST  REQ
            research-a… $1,204…    9
            ml            $0.10    3
            web           $4.00   44
            """)
        #expect(canvas.roles(row: 0).allSatisfy { $0 == .header })
        #expect(canvas.roles(row: 3).allSatisfy { $0 == .selection })
        #expect(canvas.cell(x: 22, y: 3)?.style == CellStyle(.selection, .bold))
        #expect(canvas.roles(row: 1)[12...18].allSatisfy { $0 == .critical })
        #expect(canvas.roles(row: 1)[0] == .text && canvas.roles(row: 1)[11] == .text)
        #expect(table.visibleRows(in: canvas.bounds) == 3)
    }

    @Test func onlyVisibleRowsAreRequested() {
        var requested: [Int] = []
        _ = rendered(width: 24, height: 3) {
            Table(columns: columns).render(into: &$0, area: $0.bounds, state: ListState(selected: 500), rowCount: 1_000) { index in
                requested.append(index)
                return [TableCell("team-\(index)"), "$1", "1"]
            }
        }
        #expect(requested == [499, 500])
    }

    @Test func narrowAreasDropTheRightmostColumns() {
        let canvas = rendered(width: 14, height: 2) {
            Table(columns: columns, showsHeader: false).render(into: &$0, area: $0.bounds, state: ListState(), rows: rows)
        }
        #expect(canvas.text == """
            suppo…  $12.50
            resea… $1,204…
            """)
    }

    @Test func emptyTablesShowTheirMessage() {
        let canvas = rendered(width: 24, height: 3) {
            Table(columns: columns, emptyMessage: "no spans yet").render(into: &$0, area: $0.bounds, state: ListState(selected: 0), rows: [])
        }
        #expect(canvas.text == "TEAM           COST  REQ\n      no spans yet\n")
        #expect(canvas.cell(x: 6, y: 1)?.style.role == .muted)
    }

    @Test func drawingStaysInsideTheArea() {
        let canvas = rendered(width: 30, height: 5) {
            $0.fill($0.bounds, with: "·")
            Table(columns: columns).render(into: &$0, area: Rect(x: 3, y: 1, width: 24, height: 3), state: ListState(selected: 0), rows: rows)
        }
        #expect(canvas.text == """
            ······························
            ···TEAM           COST  REQ···
            ···support      $12.50  120···
            ···research-a… $1,204…    9···
            ······························
            """)
    }

    @Test func cellTextIsSanitizedBeforeItIsMeasured() {
        let canvas = rendered(width: 24, height: 1) {
            Table(columns: columns, showsHeader: false).render(into: &$0, area: $0.bounds, state: ListState(), rows: [["a\u{1B}b", "\u{7}", "1"]])
        }
        #expect(canvas.text == "a\u{FFFD}b               \u{FFFD}    1")
    }
}
