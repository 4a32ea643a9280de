/// The alias tables of SEMANTICS.md as data: for each fact, the attribute keys that carry it, in
/// order of precedence. This is the single source for normalization and for the docs page.
public enum SemanticAliases {
    public static let table: [(fact: Fact, keys: [String])] = [
        (.team, ["genops.team"]),
        (.project, ["genops.project"]),
        (.customer, ["genops.customer_id", "genops.customer"]),
        (.environment, ["genops.environment", "deployment.environment.name", "deployment.environment", "gen_ai.environment"]),
        (.costCenter, ["genops.cost_center"]),
        (.feature, ["genops.feature"]),
        (.user, ["genops.user_id", "user.id", "enduser.id"]),
        (.provider, ["gen_ai.provider.name", "gen_ai.system", "genops.cost.provider", "genops.provider", "ai.model.provider"]),
        (.model, ["gen_ai.response.model", "gen_ai.request.model", "genops.cost.model", "genops.model", "ai.model.name", "ai.model.id", "llm.model_name"]),
        (.inputTokens, ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "genops.tokens.input", "ai.request.input_tokens", "llm.token_count.prompt"]),
        (.outputTokens, ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "genops.tokens.output", "ai.request.output_tokens", "llm.token_count.completion"]),
        (.cachedInputTokens, ["gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"]),
        (.cacheWriteInputTokens, ["gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens"]),
        (.reasoningTokens, ["gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens"]),
        (.operation, ["gen_ai.operation.name", "genops.operation.type"]),
        (.reportedCost, ["genops.cost.total", "genops.cost.amount", "gen_ai.usage.cost", "gen_ai.cost.total_cost", "llm.cost.total"]),
        (.reportedInputCost, ["genops.cost.input_cost", "gen_ai.cost.input_cost"]),
        (.reportedOutputCost, ["genops.cost.output_cost", "gen_ai.cost.output_cost"]),
        (.currency, ["genops.cost.currency"]),
        (.policyName, ["genops.policy.name"]),
        (.policyResult, ["genops.policy.result"]),
        (.policyViolationType, ["genops.policy.violation_type", "genops.policy.reason"]),
        (.policyAction, ["genops.policy.action"]),
        (.budgetName, ["genops.budget.name"]),
        (.budgetLimit, ["genops.budget.limit", "genops.budget.allocated"]),
        (.budgetConsumed, ["genops.budget.consumed", "genops.budget.used"]),
        (.budgetRemaining, ["genops.budget.remaining"]),
        (.budgetPeriod, ["genops.budget.period"]),
        (.budgetAlertThreshold, ["genops.budget.alert_threshold"]),
        (.evalMetric, ["genops.eval.metric", "genops.eval.name", "genops.eval.metric_name", "gen_ai.evaluation.name"]),
        (.evalScore, ["genops.eval.score", "gen_ai.evaluation.score.value"]),
        (.evalThreshold, ["genops.eval.threshold"]),
        (.evalResult, ["genops.eval.result", "gen_ai.evaluation.score.label"]),
        (.evalPassed, ["genops.eval.passed"]),
        (.accountingReserved, ["genops.accounting.reserved"]),
        (.accountingActual, ["genops.accounting.actual"]),
        (.accountingUnit, ["genops.accounting.unit"]),
        (.accountingDelta, ["genops.accounting.reconciliation_delta"]),
        (.policyReasonCode, ["genops.policy.reason_code"]),
        (.slaTier, ["genops.sla.tier"]),
        (.slaLatencyTarget, ["genops.sla.latency_target_ms"]),
        (.slaActualLatency, ["genops.sla.actual_latency_ms"]),
        (.slaMet, ["genops.sla.met"]),
    ]

    /// The alias keys of a fact, by rank.
    static func keys(of fact: Fact) -> [String] { keysByFact[fact.rawValue] }

    private static let keysByFact: [[String]] = {
        var keys = [[String]](repeating: [], count: Fact.allCases.count)
        for (fact, aliases) in table { keys[fact.rawValue] = aliases }
        return keys
    }()

    /// Key -> (fact, rank within its alias list); rank 0 wins.
    static let index: [String: (fact: Fact, rank: Int)] = {
        var index: [String: (fact: Fact, rank: Int)] = [:]
        for (fact, keys) in table {
            for (rank, key) in keys.enumerated() {
                precondition(index[key] == nil, "alias \(key) listed twice")
                index[key] = (fact, rank)
            }
        }
        return index
    }()

    /// The alias a key is, found by hashing its bytes in the decoder's well-known key table (every
    /// alias of 8 bytes or more is in it; the shorter ones are compared directly). Much cheaper
    /// than hashing the String for a dictionary, and it runs for every attribute of every span.
    @inline(__always)
    static func alias(_ key: String) -> (fact: Fact, rank: Int)? {
        if let entry = WellKnownKeys.shared.entry(identicalTo: key) { return aliasByEntry[entry] } // a decoded key
        return alias(spelled: key)
    }

    /// `alias` of a key that is not one of the well-known key table's own strings.
    static func alias(spelled key: String) -> (fact: Fact, rank: Int)? {
        var key = key
        return key.withUTF8 { bytes -> (fact: Fact, rank: Int)? in
            guard let base = bytes.baseAddress else { return nil }
            if bytes.count < 8 { return shortAliases.first { $0.key.utf8.elementsEqual(bytes) }?.alias }
            return WellKnownKeys.shared.entry(UnsafeRawPointer(base), count: bytes.count).flatMap { aliasByEntry[$0] }
        }
    }

    private static let shortAliases: [(key: String, alias: (fact: Fact, rank: Int))] =
        index.filter { $0.key.utf8.count < 8 }.map { ($0.key, $0.value) }

    /// The alias each well-known key is, by its table position (`WellKnownKeys.entry`).
    static let aliasByEntry: [(fact: Fact, rank: Int)?] = {
        let table = WellKnownKeys.shared.keys.map { index[$0] }
        let covered = Set(WellKnownKeys.shared.keys)
        precondition(index.keys.allSatisfy { $0.utf8.count < 8 || covered.contains($0) },
                     "every alias of 8 bytes or more must be in WellKnownKeys.catalog")
        return table
    }()

    /// Legacy and vendor-specific provider names mapped to the current OpenTelemetry names.
    public static let providerRenames: [String: String] = [
        "az.ai.openai": "azure.ai.openai",
        "vertex_ai": "gcp.vertex_ai",
        "gemini": "gcp.gemini",
        "xai": "x_ai",
        "openai.chat": "openai",
        "openai.completion": "openai",
        "openai.responses": "openai",
        "anthropic.messages": "anthropic",
    ]

    /// Lower-cases and renames a provider value as SEMANTICS.md says.
    public static func normalizeProvider(_ raw: String) -> String {
        // Most senders spell it in lower-case ASCII already: then it is its own lower-case form.
        let lowered = raw.utf8.contains { $0 >= 0x80 || (0x41...0x5A).contains($0) } ? raw.lowercased() : raw
        return providerRenames[lowered] ?? lowered
    }
}
