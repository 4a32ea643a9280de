import GovTopCore

/// One model call as the demo draws it: tokens, latency, outcome and list-price cost, and how a span
/// spells it in each convention.
struct DemoCall {
    enum Failure {
        case rateLimited, serverError, timeout

        var errorType: String {
            switch self {
            case .rateLimited: "RateLimitError"
            case .serverError: "InternalServerError"
            case .timeout: "APITimeoutError"
            }
        }

        var message: String {
            switch self {
            case .rateLimited: "429 Too Many Requests: rate limit reached for requests per minute"
            case .serverError: "500 Internal Server Error: the server had an error processing the request"
            case .timeout: "request timed out after 20s"
            }
        }
    }

    let model: DemoModel
    let inputTokens: Int64
    let cachedInputTokens: Int64
    let outputTokens: Int64
    let reasoningTokens: Int64
    let durationNanos: UInt64
    let failure: Failure?
    /// Rounded to micro-dollars; nil for failed calls and models without a price.
    let costUSD: Double?
    let responseID: String

    /// Share of calls that fail.
    static let failureChance = 0.025

    /// Draws a call. `outputScale` shortens answers (the tool-choosing turn of an agent).
    init(model: DemoModel, workload: DemoWorkload, outputScale: Double = 1, random: inout DemoRandom) {
        self.model = model
        let input = Int64(random.quantile(workload.inputTokens))
        var output = Int64(random.quantile(workload.outputTokens) * outputScale)
        output = max(output, 8)
        var cached: Int64 = 0
        if model.caches, random.chance(workload.cacheChance) {
            cached = Int64(Double(input) * random.uniform(0.5...0.9)) / 128 * 128
        }
        var reasoning: Int64 = 0
        if model.reasons, random.chance(0.7) {
            reasoning = Int64(Double(output) * random.uniform(0.4...0.85))
        }
        let failed = random.chance(Self.failureChance)
        let failure: Failure? = failed ? [Failure.rateLimited, .serverError, .timeout][random.weighted([0.6, 0.25, 0.15])] : nil
        let seconds: Double
        switch failure {
        case .rateLimited: seconds = random.uniform(0.05...0.35)
        case .serverError: seconds = random.uniform(0.4...3)
        case .timeout: seconds = 20 + random.uniform(0...0.05)
        case nil: seconds = random.quantile(model.firstToken) + Double(output) / model.tokensPerSecond * random.uniform(0.85...1.2)
        }
        self.failure = failure
        inputTokens = input
        cachedInputTokens = cached
        outputTokens = output
        reasoningTokens = reasoning
        durationNanos = UInt64(seconds * 1e9)
        costUSD = failed ? nil : model.cost(input: input, cachedInput: cached, output: output).map { ($0 * 1e6).rounded() / 1e6 }
        responseID = "resp_" + SpanID(random.next()).hex + SpanID(random.next()).hex
    }

    /// The model, usage and cost attributes of the call in `convention`. Failed calls report no usage.
    /// `reportedCost` adds the cost under the convention's key (`genops.cost.*`, `gen_ai.usage.cost`,
    /// or `llm.cost.total`), when the model has a price.
    func attributes(_ convention: DemoWorkload.Convention, reportedCost: ReportedCost?,
                    finishReason: String = "stop") -> [Attribute] {
        var attributes: [Attribute] = []
        switch convention {
        case .genAI, .genAILegacy:
            let legacy = convention == .genAILegacy
            attributes.append(Attribute("gen_ai.operation.name", .string("chat")))
            attributes.append(legacy ? Attribute("gen_ai.system", .string(model.legacySystem))
                                     : Attribute("gen_ai.provider.name", .string(model.provider)))
            attributes.append(Attribute("gen_ai.request.model", .string(model.request)))
            if failure == nil {
                attributes.append(Attribute("gen_ai.response.model", .string(model.response)))
                attributes.append(Attribute("gen_ai.response.id", .string(responseID)))
                attributes.append(Attribute("gen_ai.response.finish_reasons", .array([.string(finishReason)])))
                attributes.append(Attribute(legacy ? "gen_ai.usage.prompt_tokens" : "gen_ai.usage.input_tokens", .int(inputTokens)))
                attributes.append(Attribute(legacy ? "gen_ai.usage.completion_tokens" : "gen_ai.usage.output_tokens", .int(outputTokens)))
                if cachedInputTokens > 0 {
                    attributes.append(Attribute(legacy ? "gen_ai.usage.cache_read_input_tokens" : "gen_ai.usage.cache_read.input_tokens",
                                                .int(cachedInputTokens)))
                }
                if reasoningTokens > 0 {
                    attributes.append(Attribute(legacy ? "gen_ai.usage.reasoning_tokens" : "gen_ai.usage.reasoning.output_tokens",
                                                .int(reasoningTokens)))
                }
            }
        case .openInference:
            attributes.append(Attribute("openinference.span.kind", .string("LLM")))
            attributes.append(Attribute("gen_ai.system", .string(model.legacySystem)))
            attributes.append(Attribute("llm.model_name", .string(model.response)))
            attributes.append(Attribute("llm.invocation_parameters", .string("{\"temperature\": 0.2, \"max_tokens\": 4096}")))
            if failure == nil {
                attributes.append(Attribute("llm.token_count.prompt", .int(inputTokens)))
                attributes.append(Attribute("llm.token_count.completion", .int(outputTokens)))
                attributes.append(Attribute("llm.token_count.total", .int(inputTokens + outputTokens)))
                if cachedInputTokens > 0 {
                    attributes.append(Attribute("llm.token_count.prompt_details.cache_read", .int(cachedInputTokens)))
                }
            }
        case .vercel:
            attributes.append(Attribute("ai.operationId", .string("ai.generateText.doGenerate")))
            attributes.append(Attribute("ai.model.id", .string(model.request)))
            attributes.append(Attribute("ai.model.provider", .string(model.vercelProvider ?? model.provider)))
            if failure == nil {
                attributes.append(Attribute("ai.response.finishReason", .string(finishReason)))
                attributes.append(Attribute("ai.request.input_tokens", .int(inputTokens)))
                attributes.append(Attribute("ai.request.output_tokens", .int(outputTokens)))
            }
        }
        if let failure {
            attributes.append(Attribute("error.type", .string(failure.errorType)))
        }
        if let reportedCost, let costUSD {
            switch reportedCost {
            case .genops:
                attributes.append(Attribute("genops.cost.total", .double(costUSD)))
                attributes.append(Attribute("genops.cost.currency", .string("USD")))
                attributes.append(Attribute("genops.cost.provider", .string(model.provider)))
                attributes.append(Attribute("genops.cost.model", .string(model.request)))
            case .genAIUsage:
                attributes.append(Attribute("gen_ai.usage.cost", .double(costUSD)))
            case .openInference:
                attributes.append(Attribute("llm.cost.total", .double(costUSD)))
            }
        }
        return attributes
    }

    /// Where a reported cost goes.
    enum ReportedCost {
        /// `genops.cost.total` and friends (GenOps SDK, on spans that carry attribution).
        case genops
        /// `gen_ai.usage.cost` (on agent children, which carry only `gen_ai.*`).
        case genAIUsage
        /// `llm.cost.total`.
        case openInference
    }
}
