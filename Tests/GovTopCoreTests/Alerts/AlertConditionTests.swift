import Testing
@testable import GovTopCore

@Suite struct AlertConditionTests {
    @Test func budgetThresholdNamesTheHighestThresholdCrossed() throws {
        let condition = try #require(AlertCondition.budgetThreshold(budget: "team:ml", consumedUSD: 83, limitUSD: 100,
                                                                    thresholds: [0.5, 0.8, 0.95]))
        #expect(condition.kind == .budgetThreshold)
        #expect(condition.subject == "budget team:ml")
        #expect(condition.severity == .warning)
        #expect(condition.message == "Budget team:ml has used 83% of its $100.00 limit ($83.00), past its 80% alert threshold")
    }

    @Test(arguments: [
        (49.99, nil),
        (50.0, AlertSeverity.info),
        (79.99, .info),
        (80.0, .warning),
        (95.0, .critical),
        (250.0, .critical),
    ] as [(Double, AlertSeverity?)])
    func budgetThresholdSeverityFollowsTheCrossedThreshold(consumed: Double, severity: AlertSeverity?) {
        let condition = AlertCondition.budgetThreshold(budget: "all", consumedUSD: consumed, limitUSD: 100,
                                                       thresholds: [0.95, 0.5, 0.8])
        #expect(condition?.severity == severity)
    }

    @Test func oneBudgetEscalatesOneAlert() {
        var book = AlertBook()
        let first = book.observe(AlertCondition.budgetThreshold(budget: "team:ml", consumedUSD: 81, limitUSD: 100,
                                                                thresholds: [0.8, 0.95])!, now: AlertTime.at(0))
        let second = book.observe(AlertCondition.budgetThreshold(budget: "team:ml", consumedUSD: 96, limitUSD: 100,
                                                                 thresholds: [0.8, 0.95])!, now: AlertTime.at(1))
        #expect(second.alert.id == first.alert.id)
        #expect(second.ringsBell)
        #expect(second.alert.message.contains("past its 95% alert threshold"))
    }

    @Test(arguments: [(0.0, 100.0), (Double.nan, 100.0), (50.0, 0.0), (50.0, -10.0), (50.0, Double.infinity)])
    func budgetThresholdIgnoresValuesThatMakeNoSense(consumed: Double, limit: Double) {
        #expect(AlertCondition.budgetThreshold(budget: "b", consumedUSD: consumed, limitUSD: limit, thresholds: [0.0, 0.5]) == nil)
    }

    @Test func budgetExceeded() throws {
        #expect(AlertCondition.budgetExceeded(budget: "team:ml", consumedUSD: 99.99, limitUSD: 100) == nil)
        let reached = try #require(AlertCondition.budgetExceeded(budget: "team:ml", consumedUSD: 100, limitUSD: 100))
        #expect(reached.message == "Budget team:ml has reached its limit: $100.00 spent of $100.00 (100%)")
        let over = try #require(AlertCondition.budgetExceeded(budget: "team:ml", consumedUSD: 1234.5, limitUSD: 1000))
        #expect(over.kind == .budgetExceeded && over.severity == .critical && over.subject == "budget team:ml")
        #expect(over.message == "Budget team:ml is over its limit: $1,234.50 spent of $1,000.00 (123.4%)")
        let zero = try #require(AlertCondition.budgetExceeded(budget: "free", consumedUSD: 0.004, limitUSD: 0))
        #expect(zero.message == "Budget free is over its limit: $0.0040 spent of $0.00")
        #expect(AlertCondition.budgetExceeded(budget: "free", consumedUSD: 0, limitUSD: 0) == nil)
    }

    @Test func budgetProjectedExhaustion() throws {
        let hour: UInt64 = 3_600_000_000_000
        let now = AlertTime.at(0)
        let condition = try #require(AlertCondition.budgetProjectedExhaustion(
            budget: "team:ml", consumedUSD: 62, limitUSD: 100, exhaustsAt: now + 3 * hour + hour / 3,
            resetsAt: now + 55 * hour, now: now))
        #expect(condition.kind == .budgetProjectedExhaustion && condition.severity == .warning)
        #expect(condition.message == "Budget team:ml runs out in about 3h 20m at the current rate ($62.00 of $100.00 used), "
            + "2d 3h before it resets")
        #expect(AlertCondition.budgetProjectedExhaustion(budget: "b", consumedUSD: 62, limitUSD: 100, exhaustsAt: now + 2 * hour,
                                                         resetsAt: now + 2 * hour, now: now) == nil)
        #expect(AlertCondition.budgetProjectedExhaustion(budget: "b", consumedUSD: 100, limitUSD: 100, exhaustsAt: now,
                                                         resetsAt: now + hour, now: now) == nil)
        let late = try #require(AlertCondition.budgetProjectedExhaustion(budget: "b", consumedUSD: 99, limitUSD: 100,
                                                                         exhaustsAt: now, resetsAt: now + 90_000_000_000, now: now + 1))
        #expect(late.message == "Budget b is about to run out at the current rate ($99.00 of $100.00 used), 1m before it resets")
    }

    @Test func policyViolationsGroupPerPolicyAndTeam() throws {
        let blocked = try #require(AlertCondition.policyViolation(policy: "pii-filter", team: "ml", result: "blocked",
                                                                  reason: "email address", count: 3))
        #expect(blocked.kind == .policyViolation)
        #expect(blocked.subject == "policy pii-filter / team ml")
        #expect(blocked.severity == .warning)
        #expect(blocked.increment == 3)
        #expect(blocked.message == "Policy pii-filter blocked 3 requests from team ml (email address)")
        var book = AlertBook()
        book.observe(blocked, now: AlertTime.at(0))
        let warned = try #require(AlertCondition.policyViolation(policy: "pii-filter", team: "ml", result: " Warning "))
        let change = book.observe(warned, now: AlertTime.at(1))
        #expect(change.alert.count == 4)
        #expect(change.alert.message == "Policy pii-filter warned on a request from team ml")
        #expect(change.alert.severity == .warning)
    }

    @Test(arguments: [
        ("blocked", AlertSeverity.warning, "Policy p blocked a request from team (unattributed)"),
        ("warning", .info, "Policy p warned on a request from team (unattributed)"),
        ("rate_limited", .info, "Policy p rate-limited a request from team (unattributed)"),
        ("error", .warning, "Policy p failed to evaluate a request from team (unattributed)"),
        ("quarantined", .warning, "Policy p reported 'quarantined' for a request from team (unattributed)"),
    ])
    func policyResultsReadNaturally(result: String, severity: AlertSeverity, message: String) throws {
        let condition = try #require(AlertCondition.policyViolation(policy: "p", team: nil, result: result))
        #expect(condition.severity == severity)
        #expect(condition.message == message)
        #expect(condition.subject == "policy p / team (unattributed)")
    }

    @Test func policyRuleSeverityWinsAndAllowedIsNoViolation() {
        #expect(AlertCondition.policyViolation(policy: "p", team: "t", result: "blocked", severity: .critical)?.severity == .critical)
        #expect(AlertCondition.policyViolation(policy: "p", team: "t", result: "ALLOWED") == nil)
        #expect(AlertCondition.policyViolation(policy: "p", team: "t", result: "") == nil)
        #expect(AlertCondition.policyViolation(policy: "p", team: "t", result: "blocked", count: 0) == nil)
    }

    @Test func evaluationFailureMessages() throws {
        let full = try #require(AlertCondition.evaluationFailure(metric: "faithfulness", team: "ml", score: 0.42, threshold: 0.7))
        #expect(full.kind == .evaluationFailure && full.severity == .warning && full.increment == 1)
        #expect(full.subject == "evaluation faithfulness / team ml")
        #expect(full.message == "Evaluation faithfulness failed for team ml: score 0.42 below the threshold 0.7")
        let counted = AlertCondition.evaluationFailure(metric: "toxicity", team: nil, score: 87.5, threshold: nil, count: 2)
        #expect(counted?.message == "Evaluation toxicity failed 2 times for team (unattributed): score 87.5")
        #expect(counted?.increment == 2)
        let labelled = AlertCondition.evaluationFailure(metric: "m", team: "t", score: nil, threshold: nil)
        #expect(labelled?.message == "Evaluation m failed for team t")
        let thresholdOnly = AlertCondition.evaluationFailure(metric: "m", team: "t", score: .nan, threshold: 3)
        #expect(thresholdOnly?.message == "Evaluation m failed for team t (threshold 3)")
        #expect(AlertCondition.evaluationFailure(metric: "m", team: "t", score: 0.9, threshold: 0.5)?.message
            == "Evaluation m failed for team t: score 0.9 against the threshold 0.5")
        #expect(AlertCondition.evaluationFailure(metric: "m", team: "t", score: nil, threshold: nil, count: 0) == nil)
    }

    @Test func negativeIncrementsCountAsNone() {
        #expect(AlertCondition(kind: .policyViolation, subject: "s", severity: .info, message: "m", increment: -5).increment == 0)
    }
}
