import Testing
import GovTopUI

@Suite struct ListSelectionTests {
    @Test func traceListFollowsNewTracesUntilTheCursorMoves() {
        var driver = Driver(NavigationContext(traces: rows(3, "t")))
        #expect(driver.state.traces.following)
        driver.show { $0.traces.keys.insert("new1", at: 0) }
        #expect(driver.state.traces.index == 0)
        #expect(driver.state.traces.anchor == "new1")

        driver.press(.ch("j"))
        #expect(!driver.state.traces.following)
        #expect(driver.state.traces.anchor == "t0")
        driver.show { $0.traces.keys.insert(contentsOf: ["new3", "new2"], at: 0) }
        #expect(driver.state.traces.index == 3)
        #expect(driver.state.traces.anchor == "t0")
    }

    @Test(arguments: [Key.ch("g"), .home])
    func topResumesFollowing(key: Key) {
        var driver = Driver()
        driver.press(.ch("j"), .ch("j"))
        driver.press(key)
        #expect(driver.state.traces.following)
        driver.show { $0.traces.keys.insert("newest", at: 0) }
        #expect(driver.state.traces.anchor == "newest")
    }

    @Test func movingUpAtTheTopStillStopsFollowing() {
        var driver = Driver()
        driver.press(.ch("k"))
        #expect(driver.state.traces.index == 0)
        #expect(!driver.state.traces.following)
        driver.show { $0.traces.keys.insert("newest", at: 0) }
        #expect(driver.state.traces.anchor == "t0")
    }

    @Test func otherListsNeverFollow() {
        var driver = Driver()
        driver.press(.tab)
        #expect(!driver.state.teams.following)
        driver.press(.ch("g"), .home)
        #expect(!driver.state.teams.following)
        driver.show { $0.teams.keys.insert("first", at: 0) }
        #expect(driver.state.teams.anchor == "team0")
    }

    @Test func pageDownAndUpMoveByTheVisibleRowsAndClamp() {
        var driver = Driver(NavigationContext(traces: rows(12, "t", visible: 5)))
        var seen: [[Int]] = []
        for key in [Key.pageDown, .pageDown, .pageDown, .pageUp, .pageUp, .pageUp] {
            driver.press(key)
            seen.append([driver.state.traces.index, driver.state.traces.offset])
        }
        #expect(seen == [[5, 5], [10, 7], [11, 7], [6, 2], [1, 0], [0, 0]])
    }

    @Test func endAndHomeGoToTheEnds() {
        var driver = Driver(NavigationContext(traces: rows(12, "t", visible: 5)))
        driver.press(.end)
        #expect([driver.state.traces.index, driver.state.traces.offset] == [11, 7])
        driver.press(.ch("k"), .ch("k"), .ch("k"), .ch("k"), .ch("k"))
        #expect([driver.state.traces.index, driver.state.traces.offset] == [6, 6])
        driver.press(.ch("G"))
        #expect(driver.state.traces.index == 11)
        driver.press(.home)
        #expect([driver.state.traces.index, driver.state.traces.offset] == [0, 0])
    }

    @Test func downStopsAtTheLastRow() {
        var driver = Driver(NavigationContext(traces: rows(2, "t")))
        driver.press(.down, .down, .down)
        #expect(driver.state.traces.index == 1)
        #expect(driver.press(.down) == [])
    }

    @Test func selectionClampsWhenRowsShrinkAndEmpties() {
        var driver = Driver(NavigationContext(traces: rows(10, "t", visible: 4)))
        driver.press(.end)
        driver.show { $0.traces = rows(3, "x", visible: 4) }
        #expect(driver.state.traces.index == 2)
        #expect(driver.state.traces.offset == 0)
        #expect(driver.state.traces.anchor == "x2")
        driver.show { $0.traces = rows(0, "x") }
        #expect(driver.state.traces.index == 0)
        #expect(driver.state.traces.anchor == nil)
        #expect(driver.press(.ch("j")) == [])
    }

    @Test func aVanishedRowLeavesTheCursorWhereItWas() {
        var driver = Driver()
        driver.press(.ch("j"), .ch("j"), .ch("j"))
        driver.show { $0.traces.keys.removeAll { $0 == "t3" } }
        #expect(driver.state.traces.index == 3)
        #expect(driver.state.traces.anchor == "t4")
    }

    @Test func anchoredRowArrivingAboveTheScreenScrollsWithIt() {
        var driver = Driver(NavigationContext(traces: rows(20, "t", visible: 5)))
        driver.press(.pageDown)
        #expect([driver.state.traces.index, driver.state.traces.offset] == [5, 5])
        driver.show { $0.traces.keys.insert(contentsOf: ["n0", "n1"], at: 0) }
        #expect([driver.state.traces.index, driver.state.traces.offset] == [7, 7])
    }

    @Test func movementGoesToTheFocusedPanelOnly() {
        var driver = Driver()
        driver.press(.tab, .tab, .ch("j"), .ch("j"))
        #expect(driver.state.budgets.index == 2)
        #expect(driver.state.teams.index == 0)
        #expect(driver.state.traces.index == 0)
    }
}
