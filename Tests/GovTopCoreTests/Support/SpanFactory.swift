import GovTopCore

/// Builds spans and batches for tests with little ceremony.
enum SpanFactory {
    static func traceID(_ n: UInt64) -> TraceID { TraceID(high: 0xABCD, low: n) }

    static func span(trace: UInt64, id: UInt64, parent: UInt64 = 0, name: String = "chat",
                     start: UInt64 = 1_700_000_000_000_000_000, durationMs: UInt64 = 100,
                     attributes: [Attribute] = [], events: [SpanEvent] = [], status: StatusCode = .unset) -> SpanRecord {
        SpanRecord(traceID: traceID(trace), spanID: SpanID(id), parentSpanID: SpanID(parent), name: name, kind: .client,
                   startTimeUnixNano: start, endTimeUnixNano: start + durationMs * 1_000_000,
                   attributes: attributes, events: events, statusCode: status)
    }

    static func batch(service: String = "svc", resourceAttributes: [Attribute] = [], _ spans: [SpanRecord],
                      rejected: Int = 0) -> TraceBatch {
        let resource = Resource(attributes: [Attribute("service.name", .string(service))] + resourceAttributes)
        return TraceBatch(resourceSpans: [ResourceSpans(resource: resource, scopeSpans: [
            ScopeSpans(scope: InstrumentationScope(name: "test", version: "1"), spans: spans),
        ])], rejectedSpans: rejected)
    }

    /// A typical GenAI LLM call with reported cost.
    static func llmCall(trace: UInt64, id: UInt64, parent: UInt64 = 0, team: String? = "ml", cost: Double = 0.01,
                        model: String = "gpt-4o", input: Int64 = 500, output: Int64 = 200) -> SpanRecord {
        var attributes: [Attribute] = [
            Attribute("gen_ai.system", .string("openai")),
            Attribute("gen_ai.request.model", .string(model)),
            Attribute("gen_ai.usage.input_tokens", .int(input)),
            Attribute("gen_ai.usage.output_tokens", .int(output)),
            Attribute("genops.cost.total", .double(cost)),
        ]
        if let team { attributes.append(Attribute("genops.team", .string(team))) }
        return span(trace: trace, id: id, parent: parent, name: "chat \(model)", attributes: attributes)
    }
}
