import Testing
@testable import GovTopUI

@Suite struct ListStateTests {
    @Test(arguments: [
        // (selected, offset, rows, visible) -> (selected, offset)
        (Int?(0), 0, 10, 5, Int?(0), 0),
        (4, 0, 10, 5, 4, 0),
        (5, 0, 10, 5, 5, 1),
        (9, 0, 10, 5, 9, 5),
        (2, 6, 10, 5, 2, 2),
        (12, 0, 10, 5, 9, 5),
        (-3, 4, 10, 5, 0, 0),
        (nil, 8, 10, 5, nil, 5),
        (nil, -2, 10, 5, nil, 0),
        (3, 0, 0, 5, nil, 0),
        (3, 2, 4, 10, 3, 0),
        (7, 3, 10, 0, 7, 3),
        (Int.max, Int.max, 10, 4, 9, 6),
    ] as [(Int?, Int, Int, Int, Int?, Int)])
    func scrolledToShow(selected: Int?, offset: Int, rows: Int, visible: Int, wantSelected: Int?, wantOffset: Int) {
        let state = ListState(selected: selected, offset: offset).scrolledToShow(rowCount: rows, visibleRows: visible)
        #expect(state.selected == wantSelected)
        #expect(state.offset == wantOffset)
    }

    @Test func scrollingIsMinimalWhenTheSelectionMovesOneRowAtATime() {
        var state = ListState(selected: 0)
        var offsets: [Int] = []
        for next in 0..<8 {
            state.selected = next
            state = state.scrolledToShow(rowCount: 8, visibleRows: 3)
            offsets.append(state.offset)
        }
        #expect(offsets == [0, 0, 0, 1, 2, 3, 4, 5])
        state.selected = 4
        #expect(state.scrolledToShow(rowCount: 8, visibleRows: 3).offset == 4)
    }

    @Test func visibleRangeIsClippedToTheRows() {
        #expect(ListState(offset: 3).visibleRange(rowCount: 5, visibleRows: 4) == 3..<5)
        #expect(ListState(offset: 9).visibleRange(rowCount: 5, visibleRows: 4) == 5..<5)
        #expect(ListState(offset: 0).visibleRange(rowCount: 5, visibleRows: Int.max) == 0..<5)
    }
}
