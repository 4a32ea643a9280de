import GovTopCore
import Synchronization
@testable import GovTopUI

/// A clock the view tests set by hand.
final class ViewTestClock: Sendable {
    private let nanos: Mutex<UInt64>

    init(_ nanos: UInt64) { self.nanos = Mutex(nanos) }

    func set(_ value: UInt64) { nanos.withLock { $0 = value } }
    var clock: GovClock { GovClock { self.nanos.withLock { $0 } } }
}

/// A small governed fleet fed to an engine on a fixed clock: four teams (one with a CJK name), an
/// agent trace with an error, an orphan, events and links, a blocked request, a failed evaluation,
/// names with emoji and with control characters, four configured budgets at every level and one
/// reported in telemetry. Spans arrive at 08:00:00, 08:01:00 and 08:02:30 UTC; snapshots are
/// taken at 08:03:00.
enum ViewFixture {
    /// 2027-01-15 08:00:00 UTC.
    static let start: UInt64 = 1_800_000_000 * 1_000_000_000
    static let snapshotTime = start + 180 * 1_000_000_000
    /// The agent trace, the one the detail screen opens.
    static let agentTrace = TraceID(high: 0x4BF9_2F35_77B3_4DA6, low: 0xA3CE_929D_0E0E_4736)

    static func engine() -> Engine {
        let clock = ViewTestClock(start)
        let budgets = [
            BudgetDefinition(scope: [.team: "growth"], limitUSD: 0.05, period: .daily),
            BudgetDefinition(scope: [.team: "support"], limitUSD: 0.10, period: .daily, initialConsumedUSD: 0.08),
            BudgetDefinition(scope: [.team: "research"], limitUSD: 100, period: .daily),
            BudgetDefinition(name: "org-monthly", limitUSD: 5000, period: .monthly, initialConsumedUSD: 4800),
        ]
        let engine = Engine(configuration: EngineConfiguration(budgets: budgets), clock: clock.clock)
        engine.ingest(firstWave())
        clock.set(start + 60 * 1_000_000_000)
        engine.ingest(secondWave())
        engine.tick()
        clock.set(start + 150 * 1_000_000_000)
        engine.ingest(thirdWave())
        engine.tick()
        clock.set(snapshotTime)
        engine.tick()
        return engine
    }

    /// The frame the view draws for `state`, with the trace navigation has open loaded.
    static func frame(_ engine: Engine, state: NavigationState, notice: String? = nil) -> DashboardFrame {
        let snapshot = engine.dashboard(DashboardRequest(navigation: state))
        let trace = state.traceDetail.flatMap { TraceID(hex: $0.traceID) }.flatMap { engine.trace($0) }
        return DashboardFrame(snapshot: snapshot, trace: trace, listenAddress: ":4318", spansPerSecond: 12.5,
                              notice: notice, themeName: "default", utcOffsetSeconds: 0)
    }

    // MARK: spans

    static func span(_ trace: TraceID, _ id: UInt64, parent: UInt64 = 0, _ name: String, at offsetMs: UInt64, ms: UInt64,
                     kind: SpanKind = .internal, status: StatusCode = .unset, message: String = "",
                     attributes: [Attribute] = [], events: [SpanEvent] = [], links: [SpanLink] = [], wave: UInt64 = 0) -> SpanRecord {
        let begin = start + wave * 1_000_000_000 + offsetMs * 1_000_000
        return SpanRecord(traceID: trace, spanID: SpanID(id), parentSpanID: SpanID(parent), name: name, kind: kind,
                          startTimeUnixNano: begin, endTimeUnixNano: begin + ms * 1_000_000, attributes: attributes,
                          events: events, links: links, statusCode: status, statusMessage: message)
    }

    static func llm(_ model: String, cost: Double, input: Int64, output: Int64, team: String? = nil, extra: [Attribute] = []) -> [Attribute] {
        var attributes = [
            Attribute("gen_ai.system", .string("openai")),
            Attribute("gen_ai.request.model", .string(model)),
            Attribute("gen_ai.usage.input_tokens", .int(input)),
            Attribute("gen_ai.usage.output_tokens", .int(output)),
            Attribute("genops.cost.total", .double(cost)),
        ]
        if let team { attributes.append(Attribute("genops.team", .string(team))) }
        return attributes + extra
    }

    static func batch(_ service: String, _ spans: [SpanRecord], resource: [Attribute] = []) -> ResourceSpans {
        ResourceSpans(resource: Resource(attributes: [Attribute("service.name", .string(service))] + resource),
                      scopeSpans: [ScopeSpans(scope: InstrumentationScope(name: "genops-sdk", version: "0.4.1"), spans: spans)])
    }

    static func trace(_ n: UInt64) -> TraceID { TraceID(high: 0x5B8E_FFF7_9834_2A00 + n, low: 0x0C2F_E5A1_D9F1_E3B0 &* n) }

    private static func firstWave() -> TraceBatch {
        let agent = agentTrace
        let agentSpans = [
            span(agent, 0x11, parent: 0x10, "retrieval vector-search", at: 20, ms: 180, kind: .client,
                 attributes: [Attribute("db.system", .string("qdrant")), Attribute("db.operation", .string("search"))]),
            span(agent, 0x12, parent: 0x10, "chat gpt-4o", at: 210, ms: 1400, kind: .client,
                 attributes: llm("gpt-4o", cost: 0.012, input: 1200, output: 300, extra: [Attribute("http.status_code", .int(200))]),
                 events: [
                    SpanEvent(timeUnixNano: start + 222_000_000, name: "gen_ai.content.prompt",
                              attributes: [Attribute("gen_ai.prompt", .string("Summarize the ticket"))]),
                    SpanEvent(timeUnixNano: start + 1_590_000_000, name: "policy.evaluated",
                              attributes: [Attribute("genops.policy.name", .string("pii-filter")),
                                           Attribute("genops.policy.result", .string("allowed"))]),
                 ]),
            span(agent, 0x14, parent: 0x13, "http GET api.search", at: 1650, ms: 2900, kind: .client, status: .error, message: "timeout"),
            span(agent, 0x13, parent: 0x10, "execute_tool search_web", at: 1630, ms: 3000, status: .error, message: "tool failed",
                 events: [SpanEvent(timeUnixNano: start + 4_620_000_000, name: "exception",
                                    attributes: [Attribute("exception.type", .string("TimeoutError"))])]),
            span(agent, 0x15, parent: 0x10, "chat gpt-4o", at: 4700, ms: 900, kind: .client,
                 attributes: llm("gpt-4o", cost: 0.009, input: 900, output: 250),
                 links: [SpanLink(traceID: trace(2), spanID: SpanID(0x21), attributes: [Attribute("link.reason", .string("retry-of"))])]),
            span(agent, 0x16, parent: 0x99, "late callback", at: 5700, ms: 40),
            span(agent, 0x10, "invoke_agent support-bot", at: 0, ms: 5800, kind: .server,
                 attributes: [Attribute("genops.team", .string("growth")), Attribute("genops.project", .string("helpdesk")),
                              Attribute("genops.customer_id", .string("acme")), Attribute("gen_ai.operation.name", .string("invoke_agent"))]),
        ]
        return TraceBatch(resourceSpans: [
            batch("agent-runtime", agentSpans, resource: [Attribute("service.version", .string("2.3.1")),
                                                          Attribute("deployment.environment", .string("prod"))]),
            batch("chat-gateway", [
                span(trace(2), 0x21, "chat claude-3-5-sonnet", at: 300, ms: 850, kind: .client,
                     attributes: llm("claude-3-5-sonnet", cost: 0.0032, input: 640, output: 120, team: "support",
                                     extra: [Attribute("genops.policy.name", .string("pii-filter")),
                                             Attribute("genops.policy.result", .string("blocked"))])),
                span(trace(3), 0x31, "rag answer", at: 500, ms: 2300, kind: .client,
                     attributes: llm("gpt-4o-mini", cost: 0.0011, input: 3000, output: 400, team: "research",
                                     extra: [Attribute("genops.eval.metric", .string("faithfulness")),
                                             Attribute("genops.eval.score", .double(0.41)),
                                             Attribute("genops.eval.threshold", .double(0.7))])),
            ]),
        ])
    }

    private static func secondWave() -> TraceBatch {
        TraceBatch(resourceSpans: [
            batch("agent-runtime", [
                span(trace(4), 0x41, "🤖 agent-run 日本語の要約", at: 100, ms: 640, kind: .client,
                     attributes: llm("gpt-4o", cost: 0.021, input: 2100, output: 700, team: "中文团队"), wave: 60),
                span(trace(5), 0x51, "bad\u{1B}[31mname\u{07}", at: 200, ms: 75, kind: .client,
                     attributes: llm("gpt-4o-mini", cost: 0.0004, input: 300, output: 40, team: "growth"), wave: 60),
            ]),
            batch("chat-gateway", [
                span(trace(6), 0x61, "chat claude-3-5-sonnet", at: 400, ms: 1250, kind: .client,
                     attributes: llm("claude-3-5-sonnet", cost: 0.0041, input: 800, output: 210, team: "support"), wave: 60),
                span(trace(7), 0x71, "embeddings", at: 450, ms: 35, kind: .client,
                     attributes: llm("text-embedding-3-small", cost: 0.00002, input: 900, output: 0, team: "research"), wave: 60),
            ]),
        ])
    }

    private static func thirdWave() -> TraceBatch {
        TraceBatch(resourceSpans: [
            batch("doc-pipeline", [
                span(trace(8), 0x81, "summarize batch", at: 100, ms: 12_400, kind: .client,
                     attributes: llm("gpt-4o", cost: 0.061, input: 18_000, output: 2_400, team: "growth", extra: [
                        Attribute("genops.budget.name", .string("campaign")), Attribute("genops.budget.limit", .double(500)),
                        Attribute("genops.budget.consumed", .double(120)), Attribute("genops.budget.period", .string("monthly")),
                     ]), wave: 150),
                span(trace(9), 0x91, "classify", at: 300, ms: 420, kind: .client,
                     attributes: llm("gpt-4o-mini", cost: 0.0007, input: 1_100, output: 30, team: "research"), wave: 150),
            ]),
            batch("chat-gateway", [
                span(trace(10), 0xA1, "chat claude-3-5-sonnet", at: 900, ms: 980, kind: .client,
                     attributes: llm("claude-3-5-sonnet", cost: 0.0055, input: 1_000, output: 260, team: "support"), wave: 150),
                span(trace(11), 0xB1, "healthcheck", at: 950, ms: 3, kind: .server, wave: 150),
            ]),
        ])
    }
}
