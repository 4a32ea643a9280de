import Testing
import GovTopUI

@Suite struct GlobalKeysTests {
    @Test(arguments: [Key.ch("q"), .ctrl("c")])
    func quitFromTheDashboardAZoomAndTheDetail(key: Key) {
        var driver = Driver()
        #expect(driver.press(key) == [.quit])
        driver.press(.ch("1"))
        #expect(driver.press(key) == [.quit])
        driver.press(.enter)
        #expect(driver.press(key) == [.quit])
    }

    @Test func pTogglesPause() {
        var driver = Driver()
        #expect(driver.press(.ch("p")) == [.pauseChanged(paused: true), .redraw])
        #expect(driver.state.paused)
        #expect(driver.press(.ch("p")) == [.pauseChanged(paused: false), .redraw])
        #expect(!driver.state.paused)
    }

    @Test func pauseLeavesNavigationWorking() {
        var driver = Driver()
        driver.press(.ch("p"), .ch("j"), .tab)
        #expect(driver.state.traces.index == 1)
        #expect(driver.state.focus == .teams)
    }

    @Test func tCyclesThroughTheThemesAndWraps() {
        var driver = Driver()
        driver.context.themeCount = 3
        var indices: [[NavigationAction]] = []
        for _ in 0..<3 { indices.append(driver.press(.ch("t"))) }
        #expect(indices == [
            [.themeChanged(index: 1), .redraw], [.themeChanged(index: 2), .redraw], [.themeChanged(index: 0), .redraw],
        ])
    }

    @Test func tWithASingleThemeStaysOnIt() {
        var driver = Driver()
        #expect(driver.press(.ch("t")) == [.themeChanged(index: 0)])
    }

    @Test func resizeAsksForARedrawAndChangesNothing() {
        var driver = Driver()
        let before = driver.state
        #expect(driver.press(.resize) == [.redraw])
        #expect(driver.state == before)
    }

    @Test func unboundKeysDoNothing() {
        var driver = Driver()
        let before = driver.state
        #expect(driver.press(.ch("z"), .function(7), .ctrl("x"), .delete) == [])
        #expect(driver.state == before)
    }

    @Test func initialSettingsAreKept() throws {
        var state = NavigationState(themeIndex: 2, teamsDimension: .model, traceOrder: .cost, traceAscending: true,
                                    filter: try TraceFilter(parsing: "error"))
        #expect(state.themeIndex == 2)
        #expect(state.teamsDimension == .model)
        #expect(state.traceOrder == .cost)
        #expect(state.traceAscending)
        #expect(state.filter?.text == "error")
        try state.setFilter(text: "team=ml")
        #expect(state.filter?.text == "team=ml")
        #expect(throws: FilterParseError.self) { try state.setFilter(text: "cost>x") }
        #expect(state.filter?.text == "team=ml")
        #expect(NavigationState(filter: try TraceFilter(parsing: "  ")).filter == nil)
    }
}
