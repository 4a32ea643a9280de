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

    @Test func attributeTermsLookIntoTheSpans() throws {
        var driver = ViewDriver(width: 80, height: 24)
        let all = driver.engine.tracePage(DashboardRequest(navigation: driver.state).traces).traces
        let withOpenAI = all.filter { trace in
            driver.engine.trace(trace.traceID)?.spans.contains { $0.record.attributes[key: "gen_ai.system"]?.string == "openai" } == true
        }
        #expect(!withOpenAI.isEmpty)
        try driver.state.setFilter(text: "gen_ai.system=openai")
        let request = DashboardRequest(navigation: driver.state)
        #expect(request.traces.attributePredicate != nil)
        let page = driver.engine.tracePage(request.traces)
        #expect(Set(page.traces.map(\.traceID)) == Set(withOpenAI.map(\.traceID)))
        #expect(page.matched < all.count)
        try driver.state.setFilter(text: "gen_ai.system=nobody")
        #expect(driver.engine.tracePage(DashboardRequest(navigation: driver.state).traces).matched == 0)
    }

    @Test func noFilterListsEveryTraceNewestFirst() {
        let driver = ViewDriver(width: 80, height: 24)
        let request = DashboardRequest(navigation: driver.state)
        #expect(request.traces.predicate == nil)
        #expect(request.traces.order == .time && !request.traces.ascending)
        #expect(driver.engine.tracePage(request.traces).matched == 11)
    }
}
