import GovTopCore
import Testing
@testable import GovTopUI

/// The engine request built from the navigation state asks for what the view will draw.
@Suite struct DashboardRequestTests {
    @Test func orderDimensionAndSummaryFilterComeFromTheState() throws {
        var driver = ViewDriver(width: 80, height: 24)
        driver.press(.character("s"), .character("S"), .character("2"), .character("g"))
        try driver.state.setFilter(text: "team=support gen_ai.system=openai")
        let request = DashboardRequest(navigation: driver.state, traceLimit: 50)
        #expect(request.traces.order == .cost && request.traces.ascending)
        #expect(request.traces.limit == 50)
        #expect(request.groupDimension == .project)
        let page = driver.engine.tracePage(request.traces)
        #expect(page.traces.map(\.team) == ["support", "support", "support"])
        #expect(page.traces.map(\.costUSD) == page.traces.map(\.costUSD).sorted())
    }

    @Test func noFilterListsEveryTraceNewestFirst() {
        let driver = ViewDriver(width: 80, height: 24)
        let request = DashboardRequest(navigation: driver.state)
        #expect(request.traces.predicate == nil)
        #expect(request.traces.order == .time && !request.traces.ascending)
        #expect(driver.engine.tracePage(request.traces).matched == 11)
    }
}
