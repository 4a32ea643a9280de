import Testing
import GovTopUI

@Suite struct HelpOverlayTests {
    static func helpDriver() -> Driver {
        var driver = Driver(NavigationContext(traces: rows(10, "t"), helpLineCount: 30, helpVisibleRows: 10))
        driver.press(.ch("?"))
        return driver
    }

    @Test func questionMarkOpensAndClosesHelp() {
        var driver = Driver()
        #expect(driver.press(.ch("?")) == [.redraw])
        #expect(driver.state.helpShown)
        #expect(driver.state.bindingContexts == [.help])
        driver.press(.ch("?"))
        #expect(!driver.state.helpShown)
    }

    @Test(arguments: [Key.escape, .ch("q")])
    func escAndQCloseHelpWithoutQuittingOrGoingBack(key: Key) {
        var driver = Self.helpDriver()
        driver.press(.ch("?"))
        driver.press(.ch("2"), .ch("?"))
        #expect(driver.press(key) == [.redraw])
        #expect(!driver.state.helpShown)
        #expect(driver.state.screen == .zoomed(.teams))
    }

    @Test func helpSwallowsEveryOtherKey() {
        var driver = Self.helpDriver()
        let before = driver.state
        let actions = driver.allActions([.ch("1"), .tab, .enter, .ch("p"), .ch("t"), .ch("/"), .ch("s"), .ch("a")])
        #expect(actions == [])
        #expect(driver.state == before)
    }

    @Test func ctrlCQuitsFromHelp() {
        var driver = Self.helpDriver()
        #expect(driver.press(.ctrl("c")) == [.quit])
    }

    @Test func movementKeysScrollTheHelpWithinItsLength() {
        var driver = Self.helpDriver()
        var seen: [Int] = []
        for key in [Key.ch("j"), .down, .pageDown, .pageDown, .pageDown, .ch("k"), .pageUp, .end, .home, .ch("G"), .ch("g")] {
            driver.press(key)
            seen.append(driver.state.helpScroll)
        }
        #expect(seen == [1, 2, 12, 20, 20, 19, 9, 20, 0, 20, 0])
        #expect(driver.state.traces.index == 0, "the list underneath did not move")
    }

    @Test func helpOpensAtTheTopAgain() {
        var driver = Self.helpDriver()
        driver.press(.pageDown, .escape, .ch("?"))
        #expect(driver.state.helpScroll == 0)
    }

    @Test func helpScrollClampsWhenTheOverlayGrows() {
        var driver = Self.helpDriver()
        driver.press(.end)
        driver.show { $0.helpVisibleRows = 25 }
        #expect(driver.state.helpScroll == 5)
    }

    @Test func theFooterWhileHelpIsOpenOffersClosingIt() {
        let driver = Self.helpDriver()
        #expect(driver.state.footerHints == [FooterHint(key: "Esc", description: "close help")])
    }
}
