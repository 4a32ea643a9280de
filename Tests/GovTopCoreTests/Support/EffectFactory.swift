@testable import GovTopCore

/// Hand-written effect lists for testing each owner of phase two alone.
enum EffectFactory {
    static let t0: UInt64 = 1_750_000_000_000_000_000

    /// An AI request span of `model` costing `usd` (reported), under `team` after inheritance.
    static func request(team: String?, usd: Double, model: String = "gpt-4o", provider: String = "openai",
                        at time: UInt64 = t0, local: [LocalViolation] = [], policies: [PolicyOutcome] = [],
                        evaluations: [EvaluationResult] = [], budget: BudgetReport? = nil,
                        moves: [AttributionMove] = []) -> SpanEffect {
        var facts = GovernanceFacts()
        facts.model = model
        facts.provider = provider
        facts.service = "svc"
        facts.inputTokens = 100
        facts.outputTokens = 50
        facts.policies = policies
        facts.evaluations = evaluations
        facts.budget = budget
        return SpanEffect(facts: facts, effective: Attribution(team: team), contribution: contribution(usd: usd, violations: local.count),
                          local: local, moves: moves, receivedAt: time, durationSeconds: 1.5)
    }

    static func contribution(usd: Double, violations: Int = 0) -> Contribution {
        var contribution = Contribution()
        contribution.requests = 1
        contribution.inputTokens = 100
        contribution.outputTokens = 50
        contribution.cost = .reported(.dollars(usd))
        contribution.policyViolations = violations
        return contribution
    }

    /// An earlier span of `usd` (model gpt-4o) moving from team `old` to team `new`.
    static func move(usd: Double, from old: String?, to new: String?, at time: UInt64 = t0, sequence: UInt64 = 0) -> AttributionMove {
        var facts = GovernanceFacts()
        facts.model = "gpt-4o"
        facts.provider = "openai"
        facts.service = "svc"
        return AttributionMove(sequence: sequence, contribution: contribution(usd: usd), receivedAt: time,
                               old: Attribution(team: old), new: Attribution(team: new), facts: facts)
    }

    static func violation(_ rule: String, action: PolicyAction = .alert, severity: AlertSeverity = .warning) -> LocalViolation {
        LocalViolation(rule: rule, action: action, severity: severity, finding: .conditions(keys: ["team"]))
    }
}
