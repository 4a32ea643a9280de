import GovTopCore
import Testing
@testable import GovTopUI

/// The header says when traces show less than what metrics metered, and a span's detail lists the
/// log records tied to it.
@Suite struct MeteringAndLogsViewTests {
    private static let id = TraceID(high: 9, low: 9)

    private static func engine() -> Engine {
        let engine = Engine(clock: ViewTestClock(ViewFixture.start).clock)
        let record = ViewFixture.span(Self.id, 1, "chat", at: 0, ms: 10,
                                      attributes: ViewFixture.llm("gpt-4o", cost: 0.01, input: 10, output: 0))
        engine.ingest(TraceBatch(resourceSpans: [ViewFixture.batch("chatbot", [record])]))
        return engine
    }

    private static func tokenUsage(input: Double) -> MetricBatch {
        var point = HistogramPoint()
        point.attributes = [Attribute("gen_ai.token.type", .string("input")), Attribute("gen_ai.request.model", .string("gpt-4o"))]
        point.count = 1
        point.sum = input
        let metric = MetricRecord(name: "gen_ai.client.token.usage", unit: "{token}", data: .histogram([point], temporality: .delta))
        return MetricBatch(resourceMetrics: [ResourceMetrics(resource: Resource(attributes: [Attribute("service.name", .string("chatbot"))]),
                                                             scopeMetrics: [ScopeMetrics(metrics: [metric])])])
    }

    private static func header(_ engine: Engine) -> String {
        let frame = DashboardFrame(snapshot: engine.dashboard(DashboardRequest()), listenAddress: ":4318")
        var canvas = Canvas(width: 160, height: 1)
        HeaderBar(frame: frame, paused: false, ascii: false).render(into: &canvas, area: Rect(x: 0, y: 0, width: 160, height: 1))
        return canvas.line(0)
    }

    @Test func theHeaderSaysWhenTracesShowPartOfTheMeteredTokens() {
        let engine = Self.engine()
        #expect(!Self.header(engine).contains("metered"))
        engine.ingest(Self.tokenUsage(input: 10))
        #expect(!Self.header(engine).contains("metered"), "complete coverage says nothing")
        engine.ingest(Self.tokenUsage(input: 90))
        #expect(Self.header(engine).contains("traces show 10% of metered tokens — sampled?"))
    }

    @Test func aSpansDetailListsItsLogRecords() throws {
        let engine = Self.engine()
        var record = LogRecord()
        record.traceID = Self.id
        record.spanID = SpanID(1)
        record.timeUnixNano = ViewFixture.start + 4_000_000
        record.severityNumber = 9
        record.eventName = "gen_ai.choice"
        record.body = .string("Paris.\u{1B}[31m")
        record.attributes = [Attribute("gen_ai.response.finish_reasons", .string("stop"))]
        engine.ingest(LogBatch(resourceLogs: [ResourceLogs(scopeLogs: [ScopeLogs(records: [record])])]))
        let view = try #require(engine.trace(Self.id)?.spans.first)
        let lines = SpanDetailLines.build(view, traceStart: ViewFixture.start, parentInTrace: false)
        let heading = try #require(lines.firstIndex { $0.kind == .heading && $0.value == "Logs (1)" })
        #expect(lines[heading + 1].kind == .event)
        #expect(lines[heading + 1].value == "gen_ai.choice INFO")
        #expect(lines[heading + 1].label == "+4.0ms")
        #expect(lines[heading + 2].label == "body")
        #expect(lines[heading + 3].label == "gen_ai.response.finish_reasons")
    }
}
