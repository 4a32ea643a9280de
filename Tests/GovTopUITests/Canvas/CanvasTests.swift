import Testing
@testable import GovTopUI

@Suite struct CanvasTests {
    @Test func aNewCanvasIsBlankAndItsTextIsEmptyLines() {
        let canvas = Canvas(width: 4, height: 3)
        #expect(canvas.cells.count == 12)
        #expect(canvas.text == "\n\n")
        #expect(canvas.cell(x: 3, y: 2) == .blank())
        #expect(canvas.cell(x: 4, y: 0) == nil && canvas.cell(x: 0, y: -1) == nil)
    }

    @Test func sizesAreClamped() {
        #expect(Canvas(width: -3, height: 2).cells.isEmpty)
        let huge = Canvas(width: 1_000_000, height: 1)
        #expect(huge.width == Canvas.maxSide)
    }

    @Test func putWritesStyledCellsAndReturnsTheAdvance() {
        var canvas = Canvas(width: 10, height: 2)
        let advance = canvas.put("hi", at: 1, y: 1, style: CellStyle(.title, .bold))
        #expect(advance == 2)
        #expect(canvas.text == "\n hi")
        #expect(canvas.cell(x: 1, y: 1)?.style == CellStyle(.title, .bold))
        #expect(canvas.cell(x: 3, y: 1)?.style == CellStyle())
    }

    @Test func putClipsAtTheRightEdgeAndAtMaxWidth() {
        var canvas = Canvas(width: 6, height: 2)
        #expect(canvas.put("abcdefgh", at: 2, y: 0) == 4)
        #expect(canvas.put("abcdefgh", at: 0, y: 1, maxWidth: 3) == 3)
        #expect(canvas.text == "  abcd\nabc")
        #expect(canvas.put("zzz", at: 6, y: 0) == 0)
        #expect(canvas.put("zzz", at: 0, y: 0, maxWidth: 0) == 0)
        #expect(canvas.put("zzz", at: 0, y: 0, maxWidth: -4) == 0)
        #expect(canvas.text == "  abcd\nabc")
    }

    @Test func putClipsAtTheLeftEdge() {
        var canvas = Canvas(width: 5, height: 1)
        #expect(canvas.put("abcdef", at: -2, y: 0) == 6)
        #expect(canvas.text == "cdef")
    }

    @Test func extremeCoordinatesNeverTrap() {
        var canvas = Canvas(width: 4, height: 2)
        #expect(canvas.put("abc", at: Int.min, y: 0) == 0)
        #expect(canvas.put("abc", at: Int.max, y: Int.min, maxWidth: Int.max) == 0)
        #expect(canvas.put("abc", at: 1, y: 1, maxWidth: Int.max) == 3)
        canvas.fill(Rect(x: Int.min / 2, y: 0, width: Int.max, height: 1), with: "x")
        #expect(canvas.text == "xxxx\n abc")
    }

    @Test func rowsOutsideTheCanvasAreNotDrawnButStillMeasured() {
        var canvas = Canvas(width: 5, height: 1)
        #expect(canvas.put("abc", at: 0, y: 3) == 3)
        #expect(canvas.put("abc", at: 0, y: -1) == 3)
        #expect(canvas.text == "")
    }

    @Test func ellipsisMarksTruncation() {
        var canvas = Canvas(width: 8, height: 3)
        #expect(canvas.put("governance", at: 0, y: 0, overflow: .ellipsis) == 8)
        #expect(canvas.put("governance", at: 2, y: 1, maxWidth: 4, overflow: .ellipsis) == 4)
        #expect(canvas.put("short", at: 0, y: 2, maxWidth: 5, overflow: .ellipsis) == 5)
        #expect(canvas.text == "governa…\n  gov…\nshort")
    }

    @Test func wideCharactersTakeTwoCellsWithAContinuation() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.put("a中b", at: 0, y: 0) == 4)
        #expect(canvas.cell(x: 1, y: 0)?.grapheme == "中")
        #expect(canvas.cell(x: 1, y: 0)?.width == 2)
        #expect(canvas.cell(x: 2, y: 0)?.isContinuation == true)
        #expect(canvas.cell(x: 3, y: 0)?.grapheme == "b")
        #expect(canvas.text == "a中b")
        #expect(canvas.line(0) == "a中b  ")
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var canvas = Canvas(width: 4, height: 2)
        #expect(canvas.put("abc中", at: 0, y: 0) == 4)
        #expect(canvas.cell(x: 3, y: 0) == .blank())
        #expect(canvas.put("x中中", at: 0, y: 1, maxWidth: 4) == 4)
        #expect(canvas.text == "abc\nx中")
        #expect(canvas.cell(x: 3, y: 1)?.grapheme == " ")
    }

    @Test func aWideCharacterStraddlingTheLeftEdgeLeavesASpace() {
        var canvas = Canvas(width: 4, height: 1)
        #expect(canvas.put("中ab", at: -1, y: 0) == 4)
        #expect(canvas.text == " ab")
        #expect(canvas.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func ellipsisNeverSplitsAWideCharacter() {
        var canvas = Canvas(width: 5, height: 1)
        #expect(canvas.put("日本語です", at: 0, y: 0, overflow: .ellipsis) == 5)
        #expect(canvas.text == "日本…")
        #expect(canvas.cell(x: 4, y: 0)?.grapheme == "…")
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.put("中文中", at: 0, y: 0)
        canvas.put("x", at: 1, y: 0)
        canvas.put("y", at: 2, y: 0)
        #expect(canvas.text.split(separator: "\n").first == " xy 中")
        canvas.put("中文", at: 0, y: 1)
        canvas.put("字", at: 1, y: 1)
        #expect(canvas.line(1) == " 字   ")
        #expect(invariantsHold(canvas))
    }

    @Test func combiningMarksStayWithTheirBaseAndLoneOnesAreSkipped() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.put("\u{0301}e\u{0301}👍🏽", at: 0, y: 0) == 3)
        #expect(canvas.cell(x: 0, y: 0)?.grapheme == "e\u{0301}")
        #expect(canvas.cell(x: 1, y: 0)?.grapheme == "👍🏽")
    }

    @Test(arguments: ["\u{1B}[31mred", "a\u{7}b", "line\nbreak", "tab\tx", "\u{9B}2J", "del\u{7F}"])
    func controlCharactersInDrawnTextAreReplaced(text: String) {
        var canvas = Canvas(width: 20, height: 1)
        canvas.put(text, at: 0, y: 0)
        let drawn = canvas.cells.flatMap { $0.grapheme.unicodeScalars }
        #expect(!drawn.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(canvas.text.contains("\u{FFFD}"))
    }

    @Test func fillClipsAndRepairsWideCharactersAtItsEdges() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.put("中文字", at: 0, y: 1)
        canvas.fill(Rect(x: 3, y: 0, width: 10, height: 2), style: CellStyle(.border), with: "─")
        #expect(canvas.text == "   ───\n中 ───\n")
        #expect(canvas.cell(x: 2, y: 1)?.style == CellStyle())
        #expect(canvas.cell(x: 5, y: 0)?.style == CellStyle(.border))
        canvas.fill(Rect(x: 0, y: 2, width: 2, height: 1), with: "中")
        canvas.fill(Rect(x: 2, y: 2, width: 2, height: 1), with: "\u{7}")
        #expect(canvas.line(2) == "      ")
        #expect(invariantsHold(canvas))
    }

    @Test func styleRestylesRectanglesAndWholeWideCharacters() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.put("a中b", at: 0, y: 0)
        canvas.style(Rect(x: 2, y: 0, width: 1, height: 1), role: .selection, adding: .bold)
        #expect(canvas.cell(x: 1, y: 0)?.style == CellStyle(.selection, .bold))
        #expect(canvas.cell(x: 2, y: 0)?.style == CellStyle(.selection, .bold))
        #expect(canvas.cell(x: 0, y: 0)?.style == CellStyle())
        #expect(canvas.cell(x: 3, y: 0)?.style == CellStyle())
        canvas.restyle(Rect(x: -3, y: 1, width: 100, height: 5)) { $0.attributes.insert(.dim) }
        #expect(canvas.roles(row: 1).allSatisfy { $0 == .text })
        #expect((0..<6).allSatisfy { canvas.cell(x: $0, y: 1)?.style.attributes == .dim })
        #expect(canvas.cell(x: 0, y: 0)?.style.attributes == [])
    }

    @Test func hugeTextIsCutLikeShortText() {
        var canvas = Canvas(width: 10, height: 1)
        let huge = String(repeating: "span-name-", count: 200_000)
        #expect(canvas.put(huge, at: 2, y: 0, maxWidth: 6, overflow: .ellipsis) == 6)
        #expect(canvas.text == "  span-…")
    }

    @Test func textTrimsTrailingSpacesOnly() {
        var canvas = Canvas(width: 8, height: 2)
        canvas.put("  a  b  ", at: 0, y: 0)
        #expect(canvas.text == "  a  b\n")
    }

    private func invariantsHold(_ canvas: Canvas) -> Bool {
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                guard let cell = canvas.cell(x: x, y: y) else { return false }
                if cell.width == 2, canvas.cell(x: x + 1, y: y)?.isContinuation != true { return false }
                if cell.isContinuation, canvas.cell(x: x - 1, y: y)?.width != 2 { return false }
            }
        }
        return true
    }
}
