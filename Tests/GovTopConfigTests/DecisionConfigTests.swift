import Foundation
import GovTopConfig
import GovTopCore
import Testing

/// decide (issue 15): budget periods, reset times and time zones, and the `decision:` section.
@Suite struct DecisionConfigTests {
    /// The issue's example reads as written.
    @Test func theIssuesExampleReads() throws {
        let configuration = try ConfigLoader.load(yaml: """
            budgets:
              - {team: ml-platform, limit: 100, period: daily, action: block}
              - {team: support, limit: 50, period: 24h, action: alert, thresholds: [0.8, 0.95]}
            decision: {headers: {team: X-GenOps-Team, project: X-GenOps-Project}, deny_status: 429}
            """, source: "test.yaml")
        let budgets = configuration.engine.budgets
        #expect(budgets.map(\.action) == [.block, .alert])
        #expect(budgets.map(\.period) == [.daily, .rolling(seconds: 86_400)])
        #expect(configuration.decision.denyStatus == 429)
        #expect(configuration.decision.headers[.team] == "X-GenOps-Team")
        #expect(configuration.decision.headers[.customer] == "X-GenOps-Customer")
    }

    @Test func resetTimeAndTimeZoneOfABudget() throws {
        let configuration = try ConfigLoader.load(yaml: """
            time_zone: UTC
            budgets:
              - {team: ml, limit: 10, period: weekly, reset_at: "09:00", time_zone: Europe/Paris}
            """, source: "test.yaml")
        let budget = try #require(configuration.engine.budgets.first)
        #expect(budget.resetAt == BudgetResetTime(hour: 9, minute: 0))
        #expect(budget.timeZone?.identifier == "Europe/Paris")
    }

    @Test(arguments: [
        ("period: fortnightly", "hourly, daily, weekly, monthly, or a rolling window"),
        ("period: 0s", "rolling window such as 10s"),
        ("period: 400d", "at most 366d"),
        ("reset_at: \"25:00\"", "a local time HH:MM"),
        ("{period: 24h, reset_at: \"09:00\"}", "applies to daily, weekly and monthly periods, not 24h"),
        ("{period: hourly, reset_at: \"09:00\"}", "not hourly"),
        ("time_zone: Mars/Olympus", "an IANA time zone name"),
        ("team: " + String(repeating: "t", count: 257), "a team name is at most 256 UTF-8 bytes, as telemetry's group names are; this one has 257"),
    ])
    func badBudgetSettingsAreRefused(_ setting: String, _ message: String) throws {
        let entry = setting.hasPrefix("{") ? "  - {limit: 10, " + setting.dropFirst() : "  - limit: 10\n    " + setting
        let error = try #require(loadError(yaml: "budgets:\n" + entry + "\n"))
        #expect(error.description.contains(message), "\(error)")
    }

    @Test func customHeadersReplaceOnlyTheDimensionsTheyName() throws {
        let configuration = try ConfigLoader.load(yaml: "decision: {headers: {team: X-Team}, deny_status: 403}\n", source: "t.yaml")
        #expect(configuration.decision.headers[.team] == "X-Team")
        #expect(configuration.decision.headers[.project] == "X-GenOps-Project")
        #expect(configuration.decision.denyStatus == 403)
    }

    @Test(arguments: [
        ("decision: {deny_status: 200}", "an HTTP status from 400 to 599"),
        ("decision: {deny_status: many}", "an HTTP status from 400 to 599"),
        ("decision: {headers: {planet: X-Planet}}", "unknown key"),
        ("decision: {headers: {team: \"X Team\"}}", "an HTTP header name"),
        ("decision: {headers: {team: \"X-Tëam\"}}", "an HTTP header name"),
        ("decision: {headers: {team: X-A, project: x-a}}", "already the header of team"),
        ("decision: {status: 429}", "unknown key"),
    ])
    func badDecisionSettingsAreRefused(_ yaml: String, _ message: String) throws {
        let error = try #require(loadError(yaml: yaml + "\n"))
        #expect(error.description.contains(message), "\(error)")
    }
}
