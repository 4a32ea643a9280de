/// The stored keys whose string values are enumerations by nature — a few per deployment, repeated
/// on span after span — and so are kept as ids of the `StoredValueTable`. Never identifiers
/// (customer, user, response, conversation, tool call), prompts, messages or free text: those are
/// distinct per span and would only fill the table.
extension StoredKeyCodes {
    /// By key code: whether the key's string values (and an array's string elements) are coded.
    static let hasEnumeratedValues: [Bool] = {
        var flags = [Bool](repeating: false, count: 256)
        for key in enumeratedKeys {
            guard let code = codes[key] else { preconditionFailure("\(key) has no stored key code") }
            flags[Int(code)] = true
        }
        return flags
    }()

    static let enumeratedKeys: [String] = {
        let facts: [Fact] = [.operation, .provider, .model, .currency, .team, .project, .environment, .costCenter,
                             .feature, .policyName, .policyResult, .policyAction, .budgetName, .budgetPeriod,
                             .evalMetric, .evalResult, .accountingUnit, .slaTier]
        return facts.flatMap(SemanticAliases.keys(of:)) + [
            "genops.operation.name", "llm.provider", "llm.system", "server.address", "gen_ai.response.finish_reasons",
            "gen_ai.agent.name", "gen_ai.openai.request.service_tier", "gen_ai.openai.response.service_tier",
            "gen_ai.output.type", "gen_ai.tool.name", "gen_ai.tool.type", "gen_ai.token.type",
            "openinference.span.kind", "genops.spec.version",
        ]
    }()
}
