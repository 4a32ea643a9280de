/// One kind of traffic in the demo fleet: a team's feature, the service that runs it, the shape of its
/// traces, how often it runs, which models it calls with which conventions, and what governance
/// signals (policies, evaluations, prompts) its spans carry.
struct DemoWorkload: Sendable {
    enum Shape: Sendable {
        /// One span carrying both `genops.*` attribution and the `gen_ai.*` call.
        case single
        /// `invoke_agent` root (the only span with `genops.*`) → retrieval → chat → execute_tool → chat,
        /// with a second tool round now and then.
        case agent(name: String, dataSource: String, tools: [String])
    }

    /// How the span spells the model call (see SEMANTICS.md).
    enum Convention: Sendable {
        /// Current OpenTelemetry GenAI names: `gen_ai.provider.name`, `gen_ai.usage.input_tokens`, ...
        case genAI
        /// Older GenAI names: `gen_ai.system`, `gen_ai.usage.prompt_tokens`, ...
        case genAILegacy
        /// OpenInference-style `llm.model_name`, `llm.token_count.*`, `llm.cost.total`.
        case openInference
        /// Vercel AI SDK-style `ai.model.id`, `ai.model.provider`, `ai.request.*_tokens`.
        case vercel
    }

    /// Governance signals a workload's spans carry, on the single span or the agent root.
    struct Signals: OptionSet, Sendable {
        let rawValue: Int
        /// `gen_ai.prompt`, now and then with an SSN-like number the demo's redaction rule catches.
        static let prompts = Signals(rawValue: 1 << 0)
        /// A `policy.evaluated` event from `pii-filter`: allowed, now and then blocked.
        static let piiFilter = Signals(rawValue: 1 << 1)
        /// `team_access` blocks now and then (model not permitted for the team).
        static let teamAccess = Signals(rawValue: 1 << 2)
        /// `genops.eval.*` attributes on some calls.
        static let evalAttributes = Signals(rawValue: 1 << 3)
        /// `gen_ai.evaluation.result` events on some agent roots.
        static let evalEvents = Signals(rawValue: 1 << 4)
        /// `genops.user_id` on most spans.
        static let users = Signals(rawValue: 1 << 5)
        /// `genops.budget.*` reports of a telemetry budget.
        static let budgetReports = Signals(rawValue: 1 << 6)
    }

    /// When the workload runs.
    enum Schedule: Sendable {
        case always
        /// Only inside `DemoScenario.burstWindows`: the recurring cost spike.
        case bursts
    }

    let team: DemoFleet.Team
    let project: String
    let feature: String
    let service: Int
    let shape: Shape
    /// Traces started per second at `DemoScenario.defaultRate`; other rates scale it.
    let tracesPerSecond: Double
    let schedule: Schedule
    let models: [DemoModel]
    let modelWeights: [Double]
    let conventions: [Convention]
    let conventionWeights: [Double]
    /// Prompt tokens per call, as quantiles.
    let inputTokens: [Double]
    /// Completion tokens per call (reasoning included), as quantiles.
    let outputTokens: [Double]
    /// How often a call hits the prompt cache (on models that cache).
    let cacheChance: Double
    /// How often a call reports its cost (always for `growth`, so its budget never depends on the
    /// pricing table).
    let reportedCostChance: Double
    /// Share of traces in the `dev` environment.
    let devShare: Double
    let signals: Signals
    /// Texts for `gen_ai.prompt` (with `.prompts`); now and then an SSN-like number is appended.
    let prompts: [String]
}
