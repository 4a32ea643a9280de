import GovTopCore

/// Agent traces as a GenAI service exports them with content capture off (the default of the
/// OpenTelemetry GenAI instrumentations): a workflow root with the `genops.*` attribution and three
/// LLM calls with ~15 `gen_ai.*` attributes each.
enum TypicalGenAITraces {
    static func batch(index: Int, traces: Int = 128) -> TraceBatch {
        var random = SplitMix64(seed: 0x7E1C_0000 + UInt64(index))
        let models = ["gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "claude-3-5-sonnet-20241022", "gemini-1.5-pro-002"]
        let teams = ["ml-platform", "search-quality", "customer-support", "growth-experiments"]
        var spans: [SpanRecord] = []
        for trace in 0..<traces {
            let traceID = TraceID(high: random.next() | 1, low: random.next())
            let rootID = SpanID(random.next() | 1)
            let start = 1_730_000_000_000_000_000 + UInt64(index * traces + trace) * 1_000_000_000
            for call in 0..<3 {
                let model = models[Int(random.next() % 4)]
                let input = Int64(200 + random.next() % 4000)
                let output = Int64(20 + random.next() % 800)
                let begin = start + UInt64(call) * 900_000_000
                spans.append(SpanRecord(
                    traceID: traceID, spanID: SpanID(random.next() | 1), parentSpanID: rootID, name: "chat \(model)",
                    kind: .client, startTimeUnixNano: begin, endTimeUnixNano: begin + 800_000_000,
                    attributes: [
                        Attribute("gen_ai.operation.name", .string("chat")),
                        Attribute("gen_ai.provider.name", .string(model.hasPrefix("gpt") ? "openai" : model.hasPrefix("claude") ? "anthropic" : "gcp.gemini")),
                        Attribute("gen_ai.request.model", .string(model)),
                        Attribute("gen_ai.response.model", .string(model)),
                        Attribute("gen_ai.response.id", .string("chatcmpl-" + String(random.next(), radix: 36))),
                        Attribute("gen_ai.response.finish_reasons", .array([.string("stop")])),
                        Attribute("gen_ai.request.max_tokens", .int(1024)),
                        Attribute("gen_ai.request.temperature", .double(0.2)),
                        Attribute("gen_ai.usage.input_tokens", .int(input)),
                        Attribute("gen_ai.usage.output_tokens", .int(output)),
                        Attribute("gen_ai.usage.cache_read.input_tokens", .int(input / 4)),
                        Attribute("server.address", .string("api.openai.com")),
                        Attribute("server.port", .int(443)),
                        Attribute("genops.cost.total", .double(Double(input) * 2.5e-6 + Double(output) * 1e-5)),
                        Attribute("genops.cost.currency", .string("USD")),
                    ]))
            }
            spans.append(SpanRecord(
                traceID: traceID, spanID: rootID, name: "invoke_agent support", kind: .internal,
                startTimeUnixNano: start, endTimeUnixNano: start + 3_000_000_000,
                attributes: [
                    Attribute("gen_ai.operation.name", .string("invoke_agent")),
                    Attribute("gen_ai.agent.name", .string("support")),
                    Attribute("genops.team", .string(teams[Int(random.next() % 4)])),
                    Attribute("genops.project", .string("assistant-v2")),
                    Attribute("genops.customer_id", .string("customer-\(random.next() % 50)")),
                    Attribute("genops.environment", .string("production")),
                    Attribute("genops.feature", .string("chat-support")),
                ]))
        }
        let resource = Resource(attributes: [
            Attribute("service.name", .string("chat-gateway")), Attribute("service.version", .string("2.14.0")),
            Attribute("telemetry.sdk.language", .string("python")),
        ])
        return TraceBatch(resourceSpans: [ResourceSpans(resource: resource, scopeSpans: [
            ScopeSpans(scope: InstrumentationScope(name: "opentelemetry.instrumentation.openai_v2", version: "2.1b0"), spans: spans),
        ])])
    }
}
