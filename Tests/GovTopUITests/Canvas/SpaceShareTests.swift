import Testing
@testable import GovTopUI

/// Widths by priority and rows by demand: names first, nothing cut that fits, spare room to the
/// columns and panels that can use it.
@Suite struct SpaceShareTests {
    private static func name(_ natural: Int) -> WidthDemand { WidthDemand(minimum: 8, natural: natural, priority: 0, isName: true) }
    private static func number(_ width: Int, priority: Int) -> WidthDemand { WidthDemand(minimum: width, natural: width, priority: priority) }

    /// A 12-column team name in a 48-column panel: whole, the numbers beside it, the bar takes the rest.
    @Test func nameKeepsItsWholeTextWhenThereIsRoom() {
        let demands = [Self.name(12), Self.number(8, priority: 1), Self.number(8, priority: 2),
                       WidthDemand(minimum: 6, natural: 5, priority: 3, fills: true)]
        let widths = SpaceShare.widths(demands, total: 48)
        #expect(widths == [12, 8, 8, 17])
        #expect(widths.reduce(0, +) + 3 == 48)
    }

    /// When not everything fits, the least important number goes before the name is cut.
    @Test func lowPriorityColumnsGoBeforeTheNameIsCut() {
        let demands = [Self.name(20), Self.number(8, priority: 1), Self.number(8, priority: 2)]
        // The column left over after the number goes to the name.
        #expect(SpaceShare.widths(demands, total: 30) == [21, 8, 0])
    }

    /// Truly too narrow: the name gets what is left after nothing else can go.
    @Test func nameIsCutOnlyWhenThePanelIsTooNarrow() {
        let demands = [Self.name(40), Self.number(8, priority: 1)]
        #expect(SpaceShare.widths(demands, total: 20) == [20, 0])
        #expect(SpaceShare.widths(demands, total: 4) == [0, 0])
    }

    /// Numbers come whole or not at all; spare room goes by priority up to each column's content,
    /// then to the filling columns.
    @Test func spareWidthGrowsColumnsByPriorityThenFills() {
        let demands = [
            WidthDemand(minimum: 6, natural: 10, priority: 1),
            WidthDemand(minimum: 6, natural: 14, priority: 0),
            WidthDemand(minimum: 10, natural: 30, priority: 2, fills: true),
        ]
        #expect(SpaceShare.widths(demands, total: 28) == [10, 14, 0])
        #expect(SpaceShare.widths(demands, total: 40) == [10, 14, 14])
        #expect(SpaceShare.widths(demands, total: 80) == [10, 14, 54])
    }

    @Test func noFillingColumnGivesTheRestToTheName() {
        let demands = [Self.number(5, priority: 1), Self.name(10)]
        #expect(SpaceShare.widths(demands, total: 30) == [5, 24])
    }

    @Test(arguments: [0, 1, 7, 33, 200]) func widthsNeverExceedTheTotal(total: Int) {
        let demands = [Self.name(15), Self.number(8, priority: 2), WidthDemand(minimum: 6, natural: 6, priority: 1, fills: true),
                       Self.number(12, priority: 3)]
        let widths = SpaceShare.widths(demands, total: total)
        let shown = widths.filter { $0 > 0 }.count
        #expect(widths.reduce(0, +) + max(0, shown - 1) <= max(total, 0))
    }

    /// Lower panels get the rows they need, the strip its wish, the filling panel the rest.
    @Test func rowsGoByDemandAndTheFillingPanelTakesTheRest() {
        let rows = SpaceShare.rows([
            RowDemand(minimum: 5, wanted: 14, priority: 2, fills: true),
            RowDemand(minimum: 8, wanted: 10, priority: 1),
            RowDemand(minimum: 6, wanted: 12, priority: 0),
        ], total: 43)
        #expect(rows == [21, 10, 12])
    }

    @Test func rowsShrinkToMinimumsByPriorityWhenShort() {
        let demands = [RowDemand(minimum: 5, wanted: 20, priority: 1, fills: true), RowDemand(minimum: 6, wanted: 9, priority: 0)]
        #expect(SpaceShare.rows(demands, total: 14) == [5, 9])
        #expect(SpaceShare.rows(demands, total: 8) == [2, 6])
        #expect(SpaceShare.rows(demands, total: 0) == [0, 0])
    }
}
