/// Attribute keys common enough in GenAI telemetry to be stored as one byte instead of their text.
enum WellKnownKeys {
    static let keys: [String] = {
        let aliases = SemanticAliases.table.flatMap(\.keys)
        let common = [
            "service.name", "service.version", "service.namespace", "service.instance.id",
            "telemetry.sdk.name", "telemetry.sdk.language", "telemetry.sdk.version", "host.name",
            "gen_ai.request.max_tokens", "gen_ai.request.temperature", "gen_ai.request.top_p",
            "gen_ai.request.top_k", "gen_ai.request.stop_sequences", "gen_ai.request.frequency_penalty",
            "gen_ai.request.presence_penalty", "gen_ai.request.seed", "gen_ai.request.choice.count",
            "gen_ai.response.id", "gen_ai.response.finish_reasons", "gen_ai.output.type",
            "gen_ai.conversation.id", "gen_ai.agent.name", "gen_ai.agent.id", "gen_ai.agent.description",
            "gen_ai.tool.name", "gen_ai.tool.call.id", "gen_ai.tool.type", "gen_ai.tool.description",
            "gen_ai.data_source.id", "gen_ai.prompt", "gen_ai.completion", "gen_ai.input.messages",
            "gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.evaluation.explanation",
            "gen_ai.token.type", "server.address", "server.port", "error.type", "http.request.method",
            "http.response.status_code", "url.full", "exception.type", "exception.message",
            "exception.stacktrace", "genops.operation.name", "genops.trace_id", "genops.cost.calculated_at",
            "genops.eval.passed", "db.system.name", "db.operation.name", "db.collection.name",
            "thread.id", "code.function.name",
        ]
        var seen = Set<String>()
        return (aliases + common).filter { seen.insert($0).inserted }
    }()

    static let codes: [String: UInt8] = {
        precondition(keys.count < 255, "well-known keys must fit in one byte")
        return Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, UInt8($0)) })
    }()

    /// Marks a key spelled out in full.
    static let literal: UInt8 = 255
}
