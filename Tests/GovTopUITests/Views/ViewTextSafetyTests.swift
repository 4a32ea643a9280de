import GovTopCore
import Testing
@testable import GovTopUI

/// Text from the network on every screen: wide characters and emoji are never cut in half, and
/// control characters never reach a cell.
@Suite struct ViewTextSafetyTests {
    /// Every screen the fixture shows, including the trace with control characters opened.
    private func screens(width: Int, height: Int) -> [Canvas] {
        var canvases: [Canvas] = []
        var driver = ViewDriver(width: width, height: height)
        canvases.append(driver.render())
        for key in ["1", "2", "3", "4"] as [Character] {
            driver.press(.character(key))
            canvases.append(driver.render())
        }
        driver.press(.character("1"), .character("g"))
        for _ in 0..<11 {
            driver.press(.enter)
            canvases.append(driver.render())
            canvases.append(driver.render(ascii: true))
            driver.press(.escape, .character("j"))
        }
        return canvases
    }

    private func checkInvariants(_ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<canvas.height {
            #expect(canvas.line(y).displayWidth == canvas.width, "row \(y) is not \(canvas.width) columns", sourceLocation: sourceLocation)
            for x in 0..<canvas.width {
                guard let cell = canvas.cell(x: x, y: y) else { continue }
                if cell.width == 2 {
                    #expect(canvas.cell(x: x + 1, y: y)?.isContinuation == true, sourceLocation: sourceLocation)
                }
                if cell.isContinuation {
                    #expect(x > 0 && canvas.cell(x: x - 1, y: y)?.width == 2, sourceLocation: sourceLocation)
                }
                #expect(!cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                        "control character at \(x),\(y)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The dashboard, the zoomed Traces panel and the emoji trace's detail at every width from
    /// the minimum to past the wide layout, so names are cut at every possible column.
    @Test func wideCharactersSurviveEveryWidth() {
        let engine = ViewFixture.engine()
        for width in 60...131 {
            var driver = ViewDriver(width: width, height: 24, engine: engine)
            checkInvariants(driver.render())
            driver.press(.character("1"))
            checkInvariants(driver.render())
            driver.press(.character("j"), .character("j"), .character("j"), .character("j"), .character("j"), .character("j"),
                         .character("j"), .enter)
            let detail = driver.render()
            #expect(detail.text.contains("🤖"))
            checkInvariants(detail)
        }
    }

    @Test func emojiAndCJKNamesShowWholeWhereThereIsRoom() {
        let canvas = ViewDriver(width: 120, height: 40).render()
        #expect(canvas.text.contains("🤖 agent-run 日本語"))
        #expect(canvas.text.contains("中文团队"))
    }

    @Test func controlCharactersInNamesAreReplaced() {
        let canvases = screens(width: 120, height: 40)
        let all = canvases.map(\.text).joined(separator: "\n")
        #expect(all.contains("bad\u{FFFD}[31mname\u{FFFD}"))
        #expect(!all.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
        for canvas in canvases { checkInvariants(canvas) }
    }

    @Test func hostileFilterAndNoticeTextIsSanitized() throws {
        var driver = ViewDriver(width: 80, height: 24)
        driver.notice = "saved\u{1B}]52;c;AAAA\u{07}"
        try driver.state.setFilter(text: "\"a\u{1B}[2Jb\"")
        driver.press(.character("/"), .character("x"))
        let canvas = driver.render()
        checkInvariants(canvas)
        #expect(canvas.text.contains("saved\u{FFFD}]52;c;AAAA\u{FFFD}"))
        #expect(canvas.text.contains("a\u{FFFD}[2Jb"))
    }
}
