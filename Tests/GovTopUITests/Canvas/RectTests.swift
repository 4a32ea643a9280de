import Testing
@testable import GovTopUI

@Suite struct RectTests {
    @Test func negativeSizesBecomeEmpty() {
        let rect = Rect(x: 3, y: 4, width: -5, height: -1)
        #expect(rect.width == 0 && rect.height == 0 && rect.isEmpty)
        var grown = Rect(x: 0, y: 0, width: 2, height: 2)
        grown.width -= 10
        #expect(grown.width == 0)
    }

    @Test func insetShrinksEachSideAndNeverGoesNegative() {
        let rect = Rect(x: 2, y: 1, width: 10, height: 5)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 2, width: 8, height: 3))
        #expect(rect.inset(top: 1, left: 2) == Rect(x: 4, y: 2, width: 8, height: 4))
        #expect(rect.inset(by: 3).height == 0)
        #expect(rect.inset(by: 20).isEmpty)
    }

    @Test func intersectionAndClamp() {
        let screen = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(Rect(x: 70, y: 20, width: 20, height: 10).clamped(to: screen) == Rect(x: 70, y: 20, width: 10, height: 4))
        #expect(Rect(x: -5, y: -5, width: 10, height: 10).intersection(screen) == Rect(x: 0, y: 0, width: 5, height: 5))
        #expect(Rect(x: 100, y: 0, width: 5, height: 5).intersection(screen).isEmpty)
    }

    @Test func containsUsesExclusiveEdges() {
        let rect = Rect(x: 1, y: 1, width: 2, height: 2)
        #expect(rect.contains(x: 1, y: 1) && rect.contains(x: 2, y: 2))
        #expect(!rect.contains(x: 3, y: 1) && !rect.contains(x: 0, y: 1))
    }

    @Test func centeredAndRow() {
        let rect = Rect(x: 0, y: 0, width: 11, height: 6)
        #expect(rect.centered(width: 5, height: 2) == Rect(x: 3, y: 2, width: 5, height: 2))
        #expect(rect.centered(width: 50, height: 50) == rect)
        #expect(rect.row(2) == Rect(x: 0, y: 2, width: 11, height: 1))
        #expect(rect.row(6).isEmpty)
    }

    @Test(arguments: [
        ([Extent.fixed(3), .fill], 10, 0, [3, 7]),
        ([.fixed(3), .fill, .fill], 10, 0, [3, 3, 4]),
        ([.ratio(0.5), .ratio(0.5)], 11, 0, [6, 5]),
        ([.ratio(1.0 / 3), .ratio(1.0 / 3), .ratio(1.0 / 3)], 10, 0, [3, 4, 3]),
        ([.fixed(4), .ratio(0.5), .fill], 20, 0, [4, 8, 8]),
        ([.fill(weight: 1), .fill(weight: 3)], 8, 0, [2, 6]),
        ([.fixed(5), .fixed(5), .fill], 12, 1, [5, 5, 0]),
        ([.fixed(8), .fixed(8)], 10, 0, [8, 2]),
        ([.fill, .fill], 9, 1, [4, 4]),
        ([.ratio(2), .fill], 10, 0, [10, 0]),
        ([.ratio(-1), .ratio(.nan), .fill], 10, 0, [0, 0, 10]),
    ] as [([Extent], Int, Int, [Int])])
    func splitLengths(extents: [Extent], total: Int, spacing: Int, expected: [Int]) {
        let rect = Rect(x: 5, y: 2, width: total, height: 3)
        let parts = rect.splitColumns(extents, spacing: spacing)
        #expect(parts.map(\.width) == expected)
        #expect(parts.allSatisfy { $0.y == 2 && $0.height == 3 && $0.x >= 5 && $0.maxX <= rect.maxX })
        let rows = Rect(x: 1, y: 0, width: 4, height: total).splitRows(extents, spacing: spacing)
        #expect(rows.map(\.height) == expected)
    }

    @Test func splitPlacesPartsAfterEachOtherWithSpacing() {
        let parts = Rect(x: 10, y: 0, width: 20, height: 1).splitColumns([.fixed(4), .fill, .fixed(3)], spacing: 2)
        #expect(parts.map(\.x) == [10, 16, 27])
        #expect(parts.map(\.width) == [4, 9, 3])
        let (top, bottom) = Rect(x: 0, y: 0, width: 5, height: 10).splitBottom(1)
        #expect(top == Rect(x: 0, y: 0, width: 5, height: 9) && bottom == Rect(x: 0, y: 9, width: 5, height: 1))
        let (left, right) = Rect(x: 0, y: 0, width: 5, height: 2).splitLeft(9)
        #expect(left.width == 5 && right.width == 0 && right.x == 5)
    }
}
