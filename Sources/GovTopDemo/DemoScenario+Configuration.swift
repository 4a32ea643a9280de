import GovTopCore

extension DemoScenario {
    /// The demo's budgets, local policies and alert tuning; store limits, pricing and time zone (UTC)
    /// are the defaults.
    ///
    /// Budgets: a daily budget per team and a monthly one for the whole organization. Each starts
    /// partly used, as if the demo started mid-period; all but `growth`'s are sized above a day's spend
    /// at the default rate. `growth`'s is $36 with $27.40 (76%) used at start, so its reported spend of
    /// about $0.067/s crosses 80% after 30–45 s and the limit after 135–150 s.
    ///
    /// Policies: `ssn-redaction` masks SSN-like numbers in `gen_ai.prompt`; `gpt-4o-in-dev` flags
    /// `gpt-4o` requests from `dev`; `max-request-cost` logs requests above $0.50 (the evaluation
    /// sweep's calls).
    ///
    /// Alerts: cost spikes are judged after 120 s of history instead of 300 s, so the first burst
    /// (at 130 s) already shows as a spike.
    public static func configuration() -> EngineConfiguration {
        EngineConfiguration(budgets: budgets, policies: policies, alerts: AlertSettings(spikeBaselineMinimumSeconds: 120))
    }

    static let growthBudget = BudgetDefinition(scope: [.team: "growth"], limitUSD: 36, period: .daily, initialConsumedUSD: 27.40)

    static let budgets: [BudgetDefinition] = [
        growthBudget,
        BudgetDefinition(scope: [.team: "support"], limitUSD: 900, period: .daily, initialConsumedUSD: 310),
        BudgetDefinition(scope: [.team: "search"], limitUSD: 2_000, period: .daily, initialConsumedUSD: 620),
        BudgetDefinition(scope: [.team: "research"], limitUSD: 12_000, period: .daily, initialConsumedUSD: 2_850),
        BudgetDefinition(scope: [.team: "platform"], limitUSD: 2_400, period: .daily, initialConsumedUSD: 540),
        BudgetDefinition(name: "org-monthly", limitUSD: 1_200_000, period: .monthly, initialConsumedUSD: 212_000),
    ]

    static let policies: [PolicyRule] = [
        PolicyRule(name: "ssn-redaction", check: .pattern(#"\b\d{3}-\d{2}-\d{4}\b"#, keys: ["gen_ai.prompt"]),
                   action: .redact, severity: .warning),
        PolicyRule(name: "gpt-4o-in-dev",
                   check: .conditions([PolicyCondition(key: "gen_ai.request.model", values: ["gpt-4o"]),
                                       PolicyCondition(key: "environment", values: ["dev"])]),
                   action: .alert, severity: .warning),
        PolicyRule(name: "max-request-cost", check: .limits(maxCostUSD: 0.50, maxTokens: nil), action: .log, severity: .info),
    ]
}
