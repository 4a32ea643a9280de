import Testing
@testable import GovTopCore

@Suite struct PolicyStatsTests {
    private func local(_ rule: String, _ action: PolicyAction, _ finding: LocalViolation.Finding = .conditions(keys: ["model"])) -> LocalViolation {
        LocalViolation(rule: rule, action: action, severity: .warning, finding: finding)
    }

    @Test func telemetryOutcomesCountByResultTypeAndTeam() throws {
        var stats = PolicyStats()
        stats.record([PolicyOutcome(name: "pii-filter", result: "blocked", violationType: "pii-detected")], team: "ml")
        stats.record([PolicyOutcome(name: "pii-filter", result: "allowed")], team: "ml")
        stats.record([PolicyOutcome(name: "pii-filter", result: "warning", violationType: "pii-detected"),
                      PolicyOutcome(name: "rate", result: "rate_limited")], team: nil)
        let snapshot = stats.snapshot()
        #expect(snapshot.totalViolations == 3)
        let pii = try #require(snapshot["pii-filter"])
        #expect(pii == PolicySummary(name: "pii-filter", reportedInTelemetry: true, violations: 2, allowed: 1,
                                     byResult: ["blocked": 1, "warning": 1], byViolationType: ["pii-detected": 2],
                                     byTeam: ["ml": 1, Dimension.unattributed: 1]))
        #expect(snapshot["rate"]?.byViolationType == [PolicyStats.unspecifiedType: 1])
    }

    @Test func localViolationsCountUnderTheirActionAndType() throws {
        let rule = PolicyRule(name: "pii-detection", check: .pattern("SSN", keys: nil), action: .redact, severity: .critical)
        var stats = PolicyStats(rules: [rule, PolicyRule(name: "quiet", check: .limits(maxCostUSD: 1, maxTokens: nil))])
        #expect(stats.snapshot()["quiet"] == PolicySummary(name: "quiet", localRule: .init(action: .alert, severity: .warning)))

        stats.record([LocalViolation(rule: "pii-detection", action: .redact, severity: .critical,
                                     finding: .pattern(sites: [.spanName], sample: nil))], team: "web")
        stats.record([local("cap", .log, .limits(costUSD: 2, maxCostUSD: 1, tokens: nil, maxTokens: nil))], team: "web")
        let snapshot = stats.snapshot()
        #expect(snapshot["pii-detection"] == PolicySummary(name: "pii-detection", localRule: .init(action: .redact, severity: .critical),
                                                           violations: 1, byResult: ["redacted": 1],
                                                           byViolationType: ["pattern_match": 1], byTeam: ["web": 1]))
        #expect(snapshot["cap"]?.byResult == ["logged": 1])
        #expect(snapshot["cap"]?.byViolationType == ["cost_limit": 1])
        #expect(snapshot.policies.map(\.name) == ["cap", "pii-detection", "quiet"])
    }

    @Test func aNameUsedLocallyAndInTelemetryAddsUp() {
        var stats = PolicyStats()
        stats.record([PolicyOutcome(name: "p", result: "blocked")], team: "a")
        stats.record([local("p", .alert)], team: "a")
        let summary = stats.snapshot()["p"]
        #expect(summary?.violations == 2)
        #expect(summary?.reportedInTelemetry == true)
        #expect(summary?.localRule?.action == .alert)
        #expect(summary?.byResult == ["blocked": 1, "alerted": 1])
    }

    @Test func policiesAndTeamsBeyondTheCapsFoldIntoOther() {
        var stats = PolicyStats(limits: .init(maxPolicies: 2, maxGroupsPerPolicy: 2))
        for (policy, team) in [("a", "t1"), ("b", "t1"), ("c", "t1"), ("d", "t2"), ("a", "t2"), ("a", "t3"), ("a", "t4"), ("a", "t1")] {
            stats.record([PolicyOutcome(name: policy, result: "blocked")], team: team)
        }
        let snapshot = stats.snapshot()
        #expect(snapshot.policies.map(\.name) == ["a", Dimension.other, "b"])
        #expect(snapshot["a"]?.byTeam == ["t1": 2, "t2": 1, Dimension.other: 2])
        #expect(snapshot[Dimension.other]?.violations == 2)
        #expect(snapshot.totalViolations == 8)
    }

    @Test func resultsAndTypesAreCappedToo() {
        var stats = PolicyStats(limits: .init(maxPolicies: 10, maxGroupsPerPolicy: 1))
        for index in 0..<5 {
            stats.record([PolicyOutcome(name: "p", result: "r\(index)", violationType: "t\(index)")], team: "x")
        }
        let summary = stats.snapshot()["p"]
        #expect(summary?.byResult == ["r0": 1, Dimension.other: 4])
        #expect(summary?.byViolationType == ["t0": 1, Dimension.other: 4])
    }
}
