import GovTopCore
import Testing
@testable import GovTopUI

/// Every screen of the UI at 120×40 and 80×24, drawn from the fixture's engine and compared with
/// golden files in Golden/views (re-record with GOVTOP_RECORD_SNAPSHOTS=1).
@Suite struct ViewSnapshotTests {
    static let sizes = [(120, 40), (80, 24)]

    private func check(_ driver: ViewDriver, _ name: String, ascii: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        Snapshot.assertMatches(driver.render(ascii: ascii).text, golden: "views/\(name)-\(driver.width)x\(driver.height)",
                               sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes) func dashboard(width: Int, height: Int) {
        check(ViewDriver(width: width, height: height), "dashboard")
    }

    /// Nothing received yet: every panel says what it is waiting for.
    @Test(arguments: sizes) func emptyDashboard(width: Int, height: Int) {
        check(ViewDriver(width: width, height: height, engine: Engine(clock: ViewTestClock(ViewFixture.start).clock)), "dashboard-empty")
    }

    @Test(arguments: sizes) func dashboardASCII(width: Int, height: Int) {
        check(ViewDriver(width: width, height: height), "dashboard-ascii", ascii: true)
    }

    /// Paused, Budgets focused, a notice in the footer.
    @Test(arguments: sizes) func dashboardPausedWithNotice(width: Int, height: Int) {
        var driver = ViewDriver(width: width, height: height)
        driver.notice = "exported trace to /tmp/trace-4bf92f35.json"
        driver.press(.character("p"), .tab, .tab)
        check(driver, "dashboard-paused")
    }

    @Test(arguments: [("1", "traces"), ("2", "teams"), ("3", "budgets"), ("4", "alerts")])
    func zoomedPanels(key: Character, name: String) {
        for (width, height) in Self.sizes {
            var driver = ViewDriver(width: width, height: height)
            driver.press(.character(key), .character("j"))
            check(driver, "zoomed-\(name)")
        }
    }

    /// The spend chart zoomed (key 5): the last hour and the last day, total and top teams.
    @Test(arguments: sizes + [(200, 60)]) func zoomedSpendChart(width: Int, height: Int) {
        var driver = ViewDriver(width: width, height: height)
        driver.press(.character("5"))
        check(driver, "zoomed-chart")
    }

    /// Wide and tall: the spend chart beside Traces, the lower panels by demand; the zoomed
    /// Budgets view with a burn-down chart per budget.
    @Test func wideScreens() {
        var driver = ViewDriver(width: 200, height: 60)
        check(driver, "dashboard")
        driver.press(.character("3"), .character("j"))
        check(driver, "zoomed-budgets")
    }

    /// Teams grouped by provider, Traces sorted by cost ascending with a filter applied.
    @Test(arguments: sizes) func cycledDimensionAndSortedFilteredTraces(width: Int, height: Int) {
        var driver = ViewDriver(width: width, height: height)
        driver.press(.character("2"), .character("g"), .character("g"), .character("g"), .character("g"))
        check(driver, "zoomed-teams-by-provider")
        driver.press(.character("1"), .character("s"), .character("S"), .character("/"))
        driver.type("model~gpt")
        driver.press(.enter)
        check(driver, "zoomed-traces-filtered")
    }

    @Test(arguments: sizes) func traceDetail(width: Int, height: Int) {
        var driver = ViewDriver.openingAgentTrace(width: width, height: height)
        check(driver, "trace-detail")
        driver.press(.character("n"))
        check(driver, "trace-detail-error")
        driver.press(.character("h"), .character("h"), .character("j"), .character("j"), .character("J"), .character("J"))
        check(driver, "trace-detail-collapsed")
    }

    @Test func traceDetailASCII() {
        check(ViewDriver.openingAgentTrace(width: 80, height: 24), "trace-detail-ascii", ascii: true)
    }

    @Test(arguments: sizes) func helpOverlay(width: Int, height: Int) {
        var driver = ViewDriver(width: width, height: height)
        driver.press(.character("?"), .pageDown)
        check(driver, "help")
    }

    @Test(arguments: sizes) func filterInputWithError(width: Int, height: Int) {
        var driver = ViewDriver(width: width, height: height)
        driver.press(.character("/"))
        driver.type("team=growth cost>abc")
        driver.press(.left, .left)
        check(driver, "filter-error")
    }

    @Test(arguments: [(59, 30), (100, 15), (30, 5)]) func tooSmall(width: Int, height: Int) {
        check(ViewDriver(width: width, height: height), "too-small")
    }
}

extension ViewDriver {
    /// On the dashboard: the oldest trace (the agent run) opened from the zoomed Traces panel.
    static func openingAgentTrace(width: Int, height: Int) -> ViewDriver {
        var driver = ViewDriver(width: width, height: height)
        driver.press(.character("1"), .character("G"), .enter)
        return driver
    }
}
