import Testing
import GovTopUI

@Suite struct FocusAndZoomTests {
    @Test func tabCyclesFocusForwardAndShiftTabBackward() {
        var driver = Driver()
        var seen: [Panel] = [driver.state.focus]
        for _ in 0..<4 {
            driver.press(.tab)
            seen.append(driver.state.focus)
        }
        #expect(seen == [.traces, .teams, .budgets, .alerts, .traces])
        driver.press(.backTab)
        #expect(driver.state.focus == .alerts)
        driver.press(.backTab)
        #expect(driver.state.focus == .budgets)
        #expect(driver.state.screen == .dashboard)
    }

    @Test(arguments: [(Character("1"), Panel.traces), ("2", .teams), ("3", .budgets), ("4", .alerts)])
    func numberKeysZoomAndEscGoesBack(key: Character, panel: Panel) {
        var driver = Driver()
        #expect(driver.press(.ch(key)) == [.redraw])
        #expect(driver.state.screen == .zoomed(panel))
        #expect(driver.state.focus == panel)
        driver.press(.escape)
        #expect(driver.state.screen == .dashboard)
        #expect(driver.state.focus == panel)
    }

    @Test func enterOnTheDashboardZoomsTheFocusedPanel() {
        var driver = Driver()
        driver.press(.tab, .tab)
        let actions = driver.press(.enter)
        #expect(actions == [.redraw])
        #expect(driver.state.screen == .zoomed(.budgets))
    }

    @Test func enterOnTheDashboardTracesPanelZoomsRatherThanOpens() {
        var driver = Driver()
        let actions = driver.press(.enter)
        #expect(!actions.contains(.openTrace(traceID: "t0")))
        #expect(driver.state.screen == .zoomed(.traces))
        #expect(driver.press(.enter) == [.openTrace(traceID: "t0"), .redraw])
    }

    @Test func tabWhileZoomedSwitchesTheZoomedPanelAndEscStillReturnsToTheDashboard() {
        var driver = Driver()
        driver.press(.ch("2"), .tab)
        #expect(driver.state.screen == .zoomed(.budgets))
        driver.press(.backTab, .backTab)
        #expect(driver.state.screen == .zoomed(.traces))
        driver.press(.escape)
        #expect(driver.state.screen == .dashboard)
        #expect(driver.state.focus == .traces)
    }

    @Test func escOnTheDashboardDoesNothing() {
        var driver = Driver()
        let before = driver.state
        #expect(driver.press(.escape) == [])
        #expect(driver.state == before)
    }

    @Test func zoomingFromAnotherZoomKeepsOnlyTheDashboardBehind() {
        var driver = Driver()
        driver.press(.ch("2"), .ch("4"), .ch("1"))
        #expect(driver.state.backStack == [.dashboard])
        driver.press(.escape)
        #expect(driver.state.screen == .dashboard)
    }

    @Test func footerFollowsTheFocusedPanel() {
        var driver = Driver()
        #expect(driver.state.footerHints.map(\.description).prefix(5) == ["zoom", "filter", "sort", "reverse", "quit"])
        driver.press(.tab)
        #expect(driver.state.footerHints.map(\.description).prefix(2) == ["zoom", "group by"])
        driver.press(.ch("4"))
        #expect(driver.state.footerHints.map(\.description).prefix(2) == ["acknowledge", "clear resolved"])
    }
}
