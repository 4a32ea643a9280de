extension WellKnownKeys {
    /// The keys govtop's semantics read (see SEMANTICS.md), common OpenTelemetry resource and
    /// span keys, the GenAI semantic conventions, and frequent GenAI event names.
    static let catalog: [String] = genops + genAI + otherAI + openTelemetry + eventNames

    private static let genops = [
        "genops.team", "genops.project", "genops.customer_id", "genops.customer", "genops.environment",
        "genops.cost_center", "genops.feature", "genops.user_id", "genops.cost.provider", "genops.provider",
        "genops.cost.model", "genops.model", "genops.tokens.input", "genops.tokens.output", "genops.tokens.total",
        "genops.operation.type", "genops.operation.name", "genops.cost.total", "genops.cost.amount",
        "genops.cost.input_cost", "genops.cost.output_cost", "genops.cost.currency",
        "genops.policy.name", "genops.policy.result", "genops.policy.violation_type", "genops.policy.reason",
        "genops.policy.action", "genops.budget.name", "genops.budget.limit", "genops.budget.allocated",
        "genops.budget.consumed", "genops.budget.used", "genops.budget.remaining", "genops.budget.period",
        "genops.budget.alert_threshold", "genops.eval.metric", "genops.eval.name", "genops.eval.metric_name",
        "genops.eval.score", "genops.eval.threshold", "genops.eval.result", "genops.eval.passed",
        "genops.spec.version", "genops.accounting.reserved", "genops.accounting.actual", "genops.accounting.unit",
        "genops.accounting.reconciliation_delta", "genops.policy.reason_code", "genops.policy.timestamp",
        "genops.sla.tier", "genops.sla.latency_target_ms", "genops.sla.actual_latency_ms", "genops.sla.met",
        "genops.session_id",
    ]

    private static let genAI = [
        "gen_ai.environment", "gen_ai.provider.name", "gen_ai.system", "gen_ai.response.model",
        "gen_ai.request.model", "gen_ai.operation.name", "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens",
        "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "gen_ai.usage.total_tokens",
        "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
        "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
        "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens", "gen_ai.usage.cost",
        "gen_ai.cost.total_cost", "gen_ai.cost.input_cost", "gen_ai.cost.output_cost",
        "gen_ai.evaluation.name", "gen_ai.evaluation.score.value", "gen_ai.evaluation.score.label",
        "gen_ai.evaluation.explanation",
        "gen_ai.request.max_tokens", "gen_ai.request.temperature", "gen_ai.request.top_p", "gen_ai.request.top_k",
        "gen_ai.request.frequency_penalty", "gen_ai.request.presence_penalty", "gen_ai.request.stop_sequences",
        "gen_ai.request.seed", "gen_ai.request.choice.count", "gen_ai.request.encoding_formats",
        "gen_ai.response.id", "gen_ai.response.finish_reasons", "gen_ai.output.type", "gen_ai.conversation.id",
        "gen_ai.agent.id", "gen_ai.agent.name", "gen_ai.agent.description", "gen_ai.tool.name",
        "gen_ai.tool.call.id", "gen_ai.tool.description", "gen_ai.tool.type", "gen_ai.data_source.id",
        "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.prompt",
        "gen_ai.completion", "gen_ai.token.type", "gen_ai.embeddings.dimension.count",
        "gen_ai.openai.request.service_tier", "gen_ai.openai.response.service_tier",
        "gen_ai.openai.response.system_fingerprint",
    ]

    private static let otherAI = [
        "ai.model.provider", "ai.model.name", "ai.model.id", "ai.request.input_tokens", "ai.request.output_tokens",
        "llm.model_name", "llm.token_count.prompt", "llm.token_count.completion", "llm.token_count.total",
        "llm.cost.total", "llm.provider", "llm.system", "llm.invocation_parameters", "openinference.span.kind",
    ]

    private static let openTelemetry = [
        "service.name", "service.version", "service.namespace", "service.instance.id",
        "deployment.environment", "deployment.environment.name", "user.id", "enduser.id",
        "telemetry.sdk.name", "telemetry.sdk.language", "telemetry.sdk.version", "telemetry.distro.name",
        "telemetry.distro.version", "host.name", "host.arch", "host.id", "os.type", "os.description", "os.version",
        "process.pid", "process.runtime.name", "process.runtime.version", "process.runtime.description",
        "process.executable.name", "process.command_args", "container.id", "k8s.namespace.name", "k8s.pod.name",
        "k8s.deployment.name", "k8s.node.name", "k8s.cluster.name", "cloud.provider", "cloud.region",
        "cloud.platform", "cloud.account.id", "http.request.method", "http.response.status_code", "http.route",
        "url.full", "url.path", "url.scheme", "server.address", "server.port", "client.address",
        "network.protocol.version", "user_agent.original", "error.type", "exception.type", "exception.message",
        "exception.stacktrace", "exception.escaped", "code.function.name", "code.file.path", "code.line.number",
        "db.system.name", "db.query.text", "db.operation.name", "rpc.system", "rpc.service", "rpc.method",
        "messaging.system", "otel.status_code", "otel.status_description", "otel.scope.name", "thread.name",
    ]

    private static let eventNames = [
        "gen_ai.content.prompt", "gen_ai.content.completion", "gen_ai.user.message", "gen_ai.assistant.message",
        "gen_ai.system.message", "gen_ai.tool.message", "gen_ai.choice", "gen_ai.client.inference.operation.details",
        "policy.evaluated", "budget.checked", "evaluation.completed", "exception",
        "genops.policy.evaluated", "genops.budget.reservation", "genops.budget.reconciliation",
    ]
}
