import Testing
import GovTopUI

@Suite struct MouseNavigationTests {
    private func hits() -> HitMap {
        HitMap([
            HitRegion(target: .panel(.traces), rect: Rect(x: 0, y: 0, width: 40, height: 10)),
            HitRegion(target: .row(.traces, index: 3), rect: Rect(x: 1, y: 2, width: 38, height: 1)),
            HitRegion(target: .panel(.teams), rect: Rect(x: 40, y: 0, width: 40, height: 10)),
            HitRegion(target: .row(.teams, index: 1), rect: Rect(x: 41, y: 3, width: 38, height: 1)),
        ])
    }

    @Test(arguments: [
        (MouseEvent(.press(.left), x: 5, y: 2), 1, MouseAction?.some(.select(.traces, index: 3))),
        (MouseEvent(.press(.left), x: 5, y: 2), 2, .activate(.traces, index: 3)),
        (MouseEvent(.press(.left), x: 5, y: 7), 1, .focus(.traces)),
        (MouseEvent(.press(.left), x: 50, y: 3), 1, .select(.teams, index: 1)),
        (MouseEvent(.wheelDown, x: 50, y: 8), 0, .scroll(.teams, down: true)),
        (MouseEvent(.wheelUp, x: 5, y: 2), 0, .scroll(.traces, down: false)),
        (MouseEvent(.press(.right), x: 5, y: 2), 1, nil),
        (MouseEvent(.release(.left), x: 5, y: 2), 0, nil),
        (MouseEvent(.press(.left), x: 90, y: 2), 1, nil),
    ])
    func reportsBecomeActions(event: MouseEvent, clicks: Int, action: MouseAction?) {
        #expect(MouseAction(event, clickCount: clicks, hits: hits()) == action)
    }

    @Test func doubleClickNeedsTheSameCellWithinTheInterval() {
        var counter = ClickCounter()
        let press = MouseEvent(.press(.left), x: 3, y: 4)
        #expect(counter.count(press, at: 1_000) == 1)
        #expect(counter.count(MouseEvent(.release(.left), x: 3, y: 4), at: 2_000) == 0)
        #expect(counter.count(press, at: 1_000 + ClickCounter.interval) == 2)
        #expect(counter.count(press, at: 2_000 + ClickCounter.interval) == 1) // a third press starts over
        #expect(counter.count(press, at: 3_000 + 3 * ClickCounter.interval) == 1) // too late
        #expect(counter.count(MouseEvent(.press(.left), x: 4, y: 4), at: 3_001 + 3 * ClickCounter.interval) == 1)
    }

    @Test func clickSelectsAndFocusesDoubleClickZoomsThenOpens() {
        var driver = Driver()
        #expect(driver.state.handle(.select(.teams, index: 2), context: driver.context) == [.redraw])
        #expect(driver.state.focus == .teams)
        #expect(driver.state.teams.anchor == "team2")
        #expect(driver.state.screen == .dashboard)

        _ = driver.state.handle(.activate(.traces, index: 4), context: driver.context)
        #expect(driver.state.screen == .zoomed(.traces))
        #expect(driver.state.traces.anchor == "t4")
        #expect(driver.state.handle(.activate(.traces, index: 6), context: driver.context) == [.openTrace(traceID: "t6"), .redraw])
    }

    @Test func aClickOnTheWaterfallSelectsTheSpanAndADoubleClickCollapsesIt() {
        let row = HitMap([HitRegion(target: .waterfallRow(index: 2), rect: Rect(x: 0, y: 5, width: 10, height: 1))])
        #expect(MouseAction(MouseEvent(.press(.left), x: 3, y: 5), clickCount: 1, hits: row) == .selectSpan(index: 2, toggle: false))
        #expect(MouseAction(MouseEvent(.press(.left), x: 3, y: 5), clickCount: 2, hits: row) == .selectSpan(index: 2, toggle: true))
        #expect(MouseAction(MouseEvent(.wheelDown, x: 3, y: 5), clickCount: 0, hits: row) == .scroll(nil, down: true))

        var driver = TraceDetailTests.detailDriver()
        #expect(driver.state.handle(.selectSpan(index: 3, toggle: false), context: driver.context) == [.redraw])
        #expect(driver.state.traceDetail?.selectedSpanID == "d")
        _ = driver.state.handle(.selectSpan(index: 1, toggle: true), context: driver.context)
        #expect(driver.state.traceDetail?.selectedSpanID == "b")
        #expect(driver.state.traceDetail?.collapsed == ["b"])
        #expect(driver.state.handle(.selectSpan(index: 99, toggle: false), context: driver.context) == [])
    }

    @Test func clicksOnRowsThatAreNotThereOrPanelsNotShownDoNothing() {
        var driver = Driver()
        #expect(driver.state.handle(.select(.teams, index: 99), context: driver.context) == [])
        driver.press(.character("1"))
        #expect(driver.state.handle(.select(.teams, index: 1), context: driver.context) == [])
        #expect(driver.state.screen == .zoomed(.traces))
    }

    @Test func theWheelMovesTheSelectionOfThePanelUnderIt() {
        var driver = Driver()
        _ = driver.state.handle(.scroll(.budgets, down: true), context: driver.context)
        #expect(driver.state.focus == .budgets)
        #expect(driver.state.budgets.index == 2)
        _ = driver.state.handle(.scroll(.traces, down: true), context: driver.context)
        #expect(driver.state.traces.index == MouseAction.wheelStep)
        _ = driver.state.handle(.scroll(.traces, down: false), context: driver.context)
        #expect(driver.state.traces.index == 0)
    }

    @Test func mouseDoesNothingWhileTypingAFilterAndOnlyScrollsHelp() {
        var driver = Driver()
        driver.press(.ch("/"))
        #expect(driver.state.handle(.select(.teams, index: 1), context: driver.context) == [])
        #expect(driver.state.focus == .traces)
        driver.press(.escape, .ch("?"))
        driver.show { $0.helpLineCount = 50; $0.helpVisibleRows = 10 }
        #expect(driver.state.handle(.select(.teams, index: 1), context: driver.context) == [])
        #expect(driver.state.handle(.scroll(nil, down: true), context: driver.context) == [.redraw])
        #expect(driver.state.helpScroll == MouseAction.wheelStep)
    }

    @Test func pasteTypesIntoTheFilterAndNowhereElse() {
        var driver = Driver()
        #expect(driver.state.handlePaste("4q", context: driver.context) == [])
        #expect(driver.state.screen == .dashboard)
        driver.press(.ch("/"))
        #expect(driver.state.handlePaste("team=growth", context: driver.context) == [.redraw])
        #expect(driver.state.filterDraft?.text == "team=growth")
        let long = String(repeating: "x", count: 10_000)
        _ = driver.state.handlePaste(long, context: driver.context)
        #expect(driver.state.filterDraft?.text.count == LineEditor().maxLength)
    }
}
