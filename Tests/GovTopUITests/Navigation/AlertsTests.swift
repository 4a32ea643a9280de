import Testing
import GovTopUI

@Suite struct AlertsTests {
    static let context = NavigationContext(traces: rows(2, "t"), alerts: ListFrame(keys: ["a7", "a3", "a1"], visibleRows: 5))

    @Test func aAcknowledgesTheSelectedAlert() {
        var driver = Driver(Self.context)
        driver.press(.ch("4"), .ch("j"))
        #expect(driver.press(.ch("a")) == [.acknowledgeAlert(id: "a3")])
    }

    @Test func cClearsResolvedAlerts() {
        var driver = Driver(Self.context)
        driver.press(.ch("4"))
        #expect(driver.press(.ch("c")) == [.clearResolvedAlerts])
    }

    @Test func alertKeysWorkOnTheDashboardWhenAlertsHasFocus() {
        var driver = Driver(Self.context)
        driver.press(.backTab)
        #expect(driver.state.focus == .alerts)
        #expect(driver.press(.ch("a")) == [.acknowledgeAlert(id: "a7")])
    }

    @Test func alertKeysDoNothingElsewhere() {
        var driver = Driver(Self.context)
        #expect(driver.press(.ch("a")) == [])
        #expect(driver.press(.ch("c")) == [])
    }

    @Test func acknowledgingWithNoAlertsDoesNothing() {
        var driver = Driver(NavigationContext())
        driver.press(.ch("4"))
        #expect(driver.press(.ch("a")) == [])
    }

    @Test func theCursorStaysOnItsAlertWhenNewOnesArrive() {
        var driver = Driver(Self.context)
        driver.press(.ch("4"), .ch("j"))
        driver.show { $0.alerts.keys.insert("a9", at: 0) }
        #expect(driver.press(.ch("a")) == [.acknowledgeAlert(id: "a3")])
    }
}
