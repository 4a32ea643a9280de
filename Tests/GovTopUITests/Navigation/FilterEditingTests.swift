import Testing
import GovTopUI

@Suite struct FilterEditingTests {
    @Test func slashOpensTheInputAndTypingAndEnterApply() throws {
        var driver = Driver()
        driver.press(.ch("j"))
        driver.press(.ch("/"))
        #expect(driver.state.filterDraft?.text == "")
        #expect(driver.state.bindingContexts == [.filterInput])
        driver.press(typed("team=ml error"))
        #expect(driver.state.filterDraft?.text == "team=ml error")
        #expect(driver.state.filterDraft?.editor.cursor == 13)
        #expect(driver.state.filter == nil, "nothing applies before Enter")
        #expect(driver.press(.enter) == [.redraw])
        #expect(driver.state.filterDraft == nil)
        #expect(driver.state.filter == (try TraceFilter(parsing: "team=ml error")))
        #expect(driver.state.traces.following, "a new filter starts at the newest trace")
    }

    @Test func cursorKeysEditInTheMiddle() {
        var driver = Driver()
        driver.press(.ch("/"))
        driver.press(typed("cot>1"))
        driver.press(.left, .left, .left)
        driver.press(.ch("s"))
        #expect(driver.state.filterDraft?.text == "cost>1")
        driver.press(.home, .delete)
        #expect(driver.state.filterDraft?.text == "ost>1")
        driver.press(.ch("c"), .end, .backspace, .ch("2"))
        #expect(driver.state.filterDraft?.text == "cost>2")
        driver.press(.ctrl("a"), .right, .right, .backspace)
        #expect(driver.state.filterDraft?.text == "cst>2")
        #expect(driver.state.filterDraft?.editor.cursor == 1)
        driver.press(.ctrl("e"), .ch("0"))
        #expect(driver.state.filterDraft?.text == "cst>20")
        driver.press(.ctrl("u"))
        #expect(driver.state.filterDraft?.text == "")
        driver.press(.backspace, .left, .delete)
        #expect(driver.state.filterDraft?.editor.cursor == 0)
    }

    @Test func escCancelsAndKeepsTheAppliedFilter() throws {
        var driver = Driver()
        driver.press(.ch("/"))
        driver.press(typed("model~gpt"))
        driver.press(.enter)
        driver.press(.ch("j"))
        driver.press(.ch("/"))
        #expect(driver.state.filterDraft?.text == "model~gpt", "the input opens on the applied filter")
        driver.press(.ctrl("u"))
        driver.press(typed("service=api"))
        driver.press(.escape)
        #expect(driver.state.filterDraft == nil)
        #expect(driver.state.filter?.text == "model~gpt")
        #expect(driver.state.traces.index == 1, "cancel leaves the list where it was")
        #expect(driver.state.screen == .dashboard, "Esc closed the input, it did not go back")
    }

    @Test func keysThatMeanSomethingElseAreTypedIntoTheFilter() {
        var driver = Driver()
        driver.press(.ch("/"))
        let actions = driver.allActions(typed("q?1pgt/s"))
        #expect(!actions.contains(.quit))
        #expect(driver.state.filterDraft?.text == "q?1pgt/s")
        #expect(driver.state.screen == .dashboard)
        #expect(!driver.state.paused)
        #expect(!driver.state.helpShown)
    }

    @Test func ctrlCStillQuitsWhileTyping() {
        var driver = Driver()
        driver.press(.ch("/"))
        #expect(driver.press(.ctrl("c")) == [.quit])
    }

    @Test func anInvalidFilterStaysInTheInputWithItsError() {
        var driver = Driver()
        driver.press(.ch("/"))
        driver.press(typed("cost>abc"))
        #expect(driver.state.filterDraft?.error?.description == "\"cost>abc\": expected a number after '>'")
        #expect(driver.state.filterDraft?.error?.position == 5)
        #expect(driver.press(.enter) == [])
        #expect(driver.state.filterDraft != nil)
        #expect(driver.state.filter == nil)
        driver.press(.ctrl("u"))
        driver.press(typed("cost>0.5"))
        #expect(driver.state.filterDraft?.error == nil)
        driver.press(.enter)
        #expect(driver.state.filter?.text == "cost>0.5")
    }

    @Test func applyingAnEmptyFilterClearsIt() {
        var driver = Driver()
        driver.press(.ch("/"))
        driver.press(typed("error"))
        driver.press(.enter)
        #expect(driver.state.filter != nil)
        driver.press(.ch("/"), .ctrl("u"), .ch(" "), .enter)
        #expect(driver.state.filter == nil)
    }

    @Test func reapplyingTheSameFilterKeepsTheCursor() {
        var driver = Driver()
        driver.press(.ch("/"))
        driver.press(typed("error"))
        driver.press(.enter, .ch("j"), .ch("j"), .ch("/"), .enter)
        #expect(driver.state.traces.index == 2)
    }

    @Test func slashOnlyOpensTheFilterOnTraces() {
        var driver = Driver()
        driver.press(.tab)
        #expect(driver.press(.ch("/")) == [])
        #expect(driver.state.filterDraft == nil)
        driver.press(.ch("1"), .ch("/"))
        #expect(driver.state.filterDraft != nil)
    }

    @Test func controlCharactersAreNotTyped() {
        var driver = Driver()
        driver.press(.ch("/"), .ch("a"), .ch("\u{1B}"), .ch("\u{7}"), .ch("b"))
        #expect(driver.state.filterDraft?.text == "ab")
    }

    @Test func theInputHoldsAtMostItsLimit() {
        var editor = LineEditor(text: String(repeating: "x", count: 600))
        #expect(editor.characters.count == 512)
        let insertedWhenFull = editor.insert("y")
        #expect(!insertedWhenFull)
        editor.deleteBackward()
        let insertedWithRoom = editor.insert("y")
        #expect(insertedWithRoom)
        #expect(editor.text.hasSuffix("xy"))
    }
}
