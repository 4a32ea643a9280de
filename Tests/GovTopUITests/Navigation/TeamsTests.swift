import Testing
import GovTopCore
import GovTopUI

@Suite struct TeamsTests {
    static func teamsDriver(groups: [String]) -> Driver {
        var driver = Driver(NavigationContext(traces: rows(5, "t"), teams: ListFrame(keys: groups, visibleRows: 5)))
        driver.press(.ch("2"))
        return driver
    }

    @Test func gCyclesTheDimensionThroughEveryOneAndWraps() {
        var driver = Self.teamsDriver(groups: ["a", "b"])
        var seen = [driver.state.teamsDimension]
        for _ in 0..<9 {
            driver.press(.ch("g"))
            seen.append(driver.state.teamsDimension)
        }
        #expect(seen == [.team, .project, .customer, .model, .provider, .environment, .feature, .costCenter, .service, .team])
    }

    @Test func gInTeamsDoesNotMoveButHomeDoes() {
        var driver = Self.teamsDriver(groups: ["a", "b", "c"])
        driver.press(.ch("j"), .ch("j"))
        driver.press(.home)
        #expect(driver.state.teams.index == 0)
        #expect(driver.state.teamsDimension == .team)
        driver.press(.ch("j"))
        driver.press(.ch("g"))
        #expect(driver.state.teamsDimension == .project)
        #expect(driver.state.teams.index == 0, "a new dimension starts at its first row")
    }

    @Test func gEverywhereElseGoesToTheTop() {
        var driver = Driver()
        driver.press(.ch("4"), .ch("j"), .ch("j"), .ch("g"))
        #expect(driver.state.alerts.index == 0)
        #expect(driver.state.teamsDimension == .team)
    }

    @Test func gOnTheDashboardWithTeamsFocusedCyclesTheDimension() {
        var driver = Driver()
        driver.press(.tab, .ch("g"))
        #expect(driver.state.teamsDimension == .project)
    }

    @Test func enterOnAGroupShowsItsTracesAndEscComesBack() throws {
        var driver = Self.teamsDriver(groups: ["search", "ml platform"])
        driver.press(.ch("g"), .ch("g"), .ch("g"), .ch("j"))
        #expect(driver.state.teamsDimension == .model)
        driver.show { $0.teams.keys = ["gpt-4o", "ml platform"] }
        #expect(driver.press(.enter) == [.redraw])
        #expect(driver.state.screen == .zoomed(.traces))
        #expect(driver.state.focus == .traces)
        #expect(driver.state.filter == (try TraceFilter(parsing: "model=\"ml platform\"")))
        #expect(driver.state.traces.following)
        driver.press(.escape)
        #expect(driver.state.screen == .zoomed(.teams))
        driver.press(.escape)
        #expect(driver.state.screen == .dashboard)
        #expect(driver.state.focus == .teams)
    }

    @Test func theUnattributedGroupFiltersForNoValue() {
        var driver = Self.teamsDriver(groups: [Dimension.unattributed])
        driver.press(.ch("g"))
        driver.press(.enter)
        #expect(driver.state.filter?.text == "project=\"\"")
    }

    @Test func theOtherGroupCannotBeFilteredAndSaysSo() {
        var driver = Self.teamsDriver(groups: [Dimension.other])
        let actions = driver.press(.enter)
        #expect(actions == [.notify("(other) collects the groups beyond the cardinality limit; it cannot be filtered")])
        #expect(driver.state.screen == .zoomed(.teams))
        #expect(driver.state.filter == nil)
    }

    @Test func enterOnAnEmptyTeamsListDoesNothing() {
        var driver = Self.teamsDriver(groups: [])
        #expect(driver.press(.enter) == [])
        #expect(driver.state.screen == .zoomed(.teams))
    }
}
