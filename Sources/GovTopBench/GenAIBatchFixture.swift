import Foundation
import GovTopCore
import OTLPProto

/// A deterministic `ExportTraceServiceRequest` shaped like what a GenAI fleet exports: two
/// services, LLM client spans with ~16 `gen_ai.*` / `genops.*` attributes each, prompt and
/// completion events, and an occasional policy event, error status or link.
enum GenAIBatchFixture {
    typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
    typealias KeyValue = Opentelemetry_Proto_Common_V1_KeyValue
    typealias Span = Opentelemetry_Proto_Trace_V1_Span

    /// - Parameter onlyGatewayReportsCost: when true, only `chat-gateway` reports `genops.cost.total`;
    ///   `rag-worker`'s spans carry tokens alone (as plain OpenTelemetry GenAI instrumentation
    ///   exports them), so govtop prices them from its table.
    static func request(spanCount: Int = 512, seed: UInt64 = 0x5EED_0F_6E4A1, onlyGatewayReportsCost: Bool = false) -> Request {
        var random = SplitMix64(seed: seed)
        var request = Request()
        let services = ["chat-gateway", "rag-worker"]
        for (serviceIndex, service) in services.enumerated() {
            var resourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans()
            resourceSpans.resource.attributes = [
                string("service.name", service), string("service.version", "2.14.\(serviceIndex)"),
                string("deployment.environment.name", "production"), string("telemetry.sdk.language", "python"),
                string("telemetry.sdk.name", "opentelemetry"), string("telemetry.sdk.version", "1.29.0"),
                string("host.name", "ip-10-0-\(serviceIndex)-17.ec2.internal"),
            ]
            var scopeSpans = Opentelemetry_Proto_Trace_V1_ScopeSpans()
            scopeSpans.scope.name = "opentelemetry.instrumentation.openai_v2"
            scopeSpans.scope.version = "2.1b0"
            let count = spanCount / services.count + (serviceIndex < spanCount % services.count ? 1 : 0)
            let reportsCost = !onlyGatewayReportsCost || serviceIndex == 0
            scopeSpans.spans = (0..<count).map { index in span(index: index, reportsCost: reportsCost, random: &random) }
            resourceSpans.scopeSpans = [scopeSpans]
            request.resourceSpans.append(resourceSpans)
        }
        return request
    }

    private static let models = ["gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "claude-3-5-sonnet-20241022", "gemini-1.5-pro-002"]
    private static let providers = ["openai", "openai", "anthropic", "gcp.gemini"]
    private static let teams = ["ml-platform", "search-quality", "customer-support", "growth-experiments"]
    private static let projects = ["assistant-v2", "semantic-search", "ticket-triage", "onboarding-bot"]

    private static func span(index: Int, reportsCost: Bool, random: inout SplitMix64) -> Span {
        let model = Int(random.next() % UInt64(models.count))
        let team = Int(random.next() % UInt64(teams.count))
        let inputTokens = Int64(200 + random.next() % 6000)
        let outputTokens = Int64(20 + random.next() % 1500)
        let start = 1_730_000_000_000_000_000 + UInt64(index) * 250_000_000 + random.next() % 1_000_000
        var span = Span()
        span.traceID = bytes(random.next(), random.next())
        span.spanID = bytes(random.next())
        if index % 4 != 0 { span.parentSpanID = bytes(random.next()) }
        span.name = "chat " + models[model]
        span.kind = .client
        span.startTimeUnixNano = start
        span.endTimeUnixNano = start + 300_000_000 + random.next() % 4_000_000_000
        span.flags = 0x101
        span.attributes = [
            string("gen_ai.operation.name", "chat"),
            string("gen_ai.provider.name", providers[model]),
            string("gen_ai.request.model", models[model]),
            string("gen_ai.response.model", models[model]),
            string("gen_ai.response.id", "chatcmpl-" + hex(random.next()) + hex(random.next())),
            int("gen_ai.usage.input_tokens", inputTokens),
            int("gen_ai.usage.output_tokens", outputTokens),
            int("gen_ai.request.max_tokens", 4096),
            double("gen_ai.request.temperature", 0.7),
            array("gen_ai.response.finish_reasons", ["stop"]),
            string("genops.team", teams[team]),
            string("genops.project", projects[team]),
            string("genops.customer_id", "cust-" + String(random.next() % 5000)),
            string("genops.environment", "production"),
            double("genops.cost.total", Double(inputTokens) * 2.5e-6 + Double(outputTokens) * 1e-5),
            string("genops.cost.currency", "USD"),
        ]
        if !reportsCost { span.attributes.removeLast(2) }
        span.events = [
            event("gen_ai.content.prompt", start + 1_000, [string("gen_ai.prompt", "Summarize the customer ticket in two sentences.")]),
            event("gen_ai.content.completion", start + 290_000_000, [string("gen_ai.completion", "The customer cannot log in after the update.")]),
        ]
        if index % 8 == 3 {
            span.events.append(event("policy.evaluated", start + 2_000, [
                string("genops.policy.name", "pii-filter"), string("genops.policy.result", "allowed"),
            ]))
        }
        if index % 16 == 5 {
            var link = Span.Link()
            link.traceID = bytes(random.next(), random.next())
            link.spanID = bytes(random.next())
            span.links = [link]
        }
        if index % 10 == 9 {
            span.status.code = .error
            span.status.message = "rate limited by provider"
        } else {
            span.status.code = .ok
        }
        return span
    }

    private static func event(_ name: String, _ time: UInt64, _ attributes: [KeyValue]) -> Span.Event {
        var event = Span.Event()
        event.name = name
        event.timeUnixNano = time
        event.attributes = attributes
        return event
    }

    private static func string(_ key: String, _ value: String) -> KeyValue {
        keyValue(key) { $0.stringValue = value }
    }

    private static func int(_ key: String, _ value: Int64) -> KeyValue {
        keyValue(key) { $0.intValue = value }
    }

    private static func double(_ key: String, _ value: Double) -> KeyValue {
        keyValue(key) { $0.doubleValue = value }
    }

    private static func array(_ key: String, _ values: [String]) -> KeyValue {
        keyValue(key) { anyValue in
            anyValue.arrayValue.values = values.map { text in
                var element = Opentelemetry_Proto_Common_V1_AnyValue()
                element.stringValue = text
                return element
            }
        }
    }

    private static func keyValue(_ key: String, _ fill: (inout Opentelemetry_Proto_Common_V1_AnyValue) -> Void) -> KeyValue {
        var keyValue = KeyValue()
        keyValue.key = key
        fill(&keyValue.value)
        return keyValue
    }

    private static func bytes(_ words: UInt64...) -> Data {
        Data(words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - $0 * 8)) } })
    }

    private static func hex(_ word: UInt64) -> String {
        let text = String(word, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
