import Foundation
import GovTopCore
@testable import GovTopReceiver
import Testing

/// What one export holds of the in-flight budget and the export queue, and what it answers when
/// there is no room: the processor's reservations, seen from the budget itself.
@Suite struct ExportBudgetTests {
    static let traces = ExportRequest(signal: .traces, format: .protobuf, encoding: .identity)

    static func processor(_ engine: Engine, budget: InflightBudget, queue: ExportQueue = ExportQueue(limit: 8)) -> ExportProcessor {
        ExportProcessor(engine: engine, maxBodyBytes: 1 << 20, decodeLimits: DecodeLimits(), inflight: budget, ticket: queue.enter())
    }

    static func process(_ processor: ExportProcessor, _ request: ExportRequest = traces, body: [UInt8]) -> HTTPResponse {
        OTLPResponseEncoder.response(body.withUnsafeBytes { processor.outcome(request, body: $0) }, format: request.format)
    }

    @Test func anExportGivesBackEverythingItReserved() {
        let engine = Engine()
        let budget = InflightBudget(limit: 64 << 20)
        let body = OTLPFixtures.traceBody(spans: 10)
        #expect(Self.process(Self.processor(engine, budget: budget), body: body).status == 200)
        let gzip = ExportRequest(signal: .traces, format: .protobuf, encoding: .gzip)
        #expect(Self.process(Self.processor(engine, budget: budget), gzip, body: Zlib.compress(body, .gzip)).status == 200)
        #expect(Self.process(Self.processor(engine, budget: budget), body: [0xFF]).status == 400)
        #expect(budget.inUse == 0)
        #expect(engine.summary().spansReceived == 20)
    }

    @Test func withoutRoomInTheBudgetAnExportIsShedWith503AndNothingIsIngested() {
        let engine = Engine()
        let budget = InflightBudget(limit: 8 << 20)
        #expect(budget.reserve(7 << 20))
        let response = Self.process(Self.processor(engine, budget: budget), body: OTLPFixtures.traceBody(spans: 5))
        #expect(response.status == 503)
        #expect(response.extraHeaders.contains { $0.0 == "Retry-After" && $0.1 == "2" })
        let status = try? ProtoStatusShape(serializedBytes: response.body)
        #expect(status?.rejectedSpans == 14)
        #expect(engine.summary().spansReceived == 0)
        #expect(engine.summary().requestsShedByReason == [.inflightMemory: 1])
        #expect(budget.inUse == 7 << 20)
        budget.release(7 << 20)
        #expect(Self.process(Self.processor(engine, budget: budget), body: OTLPFixtures.traceBody(spans: 5)).status == 200)
        #expect(engine.summary().spansReceived == 5)
    }

    @Test func aGzipBodyWhoseInflatedCopyFindsNoRoomIsShed() {
        let engine = Engine()
        let budget = InflightBudget(limit: 2 << 20)
        #expect(budget.reserve(2 << 20))
        let gzip = ExportRequest(signal: .logs, format: .protobuf, encoding: .gzip)
        let response = Self.process(Self.processor(engine, budget: budget), gzip, body: Zlib.compress(OTLPFixtures.logsBody(records: 3), .gzip))
        #expect(response.status == 503)
        #expect(engine.summary().logRecordsReceived == 0)
        #expect(budget.inUse == 2 << 20)
    }

    /// Found in review: with --max-inflight equal to --max-body, a small gzip body that inflates to
    /// nearly --max-body could never fit beside its own body, yet was shed (503) at every retry.
    @Test func aGzipBodyWhoseInflatedCopyCouldNeverFitIs413NotAnEndless503() {
        let engine = Engine()
        let budget = InflightBudget(limit: 1 << 20)
        let inflated = [UInt8](repeating: 0, count: (1 << 20) - 100)  // zeros: not valid OTLP, never decoded
        let compressed = Zlib.compress(inflated, .gzip)
        // The connection holds the body's bytes already, as the handler reserves them.
        #expect(budget.reserve(compressed.count))
        let gzip = ExportRequest(signal: .traces, format: .protobuf, encoding: .gzip)
        let response = Self.process(Self.processor(engine, budget: budget), gzip, body: compressed)
        #expect(response.status == 413)
        #expect(engine.summary().requestsShed == 0)
        #expect(budget.inUse == compressed.count)
    }

    @Test func aRequestTooCostlyForTheWholeBudgetIs413NotAnEndless503() {
        let engine = Engine()
        let budget = InflightBudget(limit: 2 << 20)
        // 256 Ki empty ResourceSpans: 512 KiB that would cost far more than 2 MiB to ingest.
        let body = (0..<(1 << 19)).map { $0 % 2 == 0 ? UInt8(0x0A) : 0 }
        let response = Self.process(Self.processor(engine, budget: budget), body: body)
        #expect(response.status == 413)
        #expect(engine.summary().requestsShed == 0)
        #expect(budget.inUse == 0)
    }

    @Test func theQueueShedsBeyondItsLimitAndCountsEachExportOnce() {
        let engine = Engine()
        let queue = ExportQueue(limit: 1)
        let budget = InflightBudget(limit: 64 << 20)
        let services = (0..<3).map { _ in
            // What `ServerServices.enterExport()` does for each export handed to the workers.
            let ticket = queue.enter()
            if !ticket.admitted { engine.recordShedRequest(.queueFull) }
            return ExportProcessor(engine: engine, maxBodyBytes: 1 << 20, decodeLimits: DecodeLimits(), inflight: budget, ticket: ticket)
        }
        #expect(queue.count == 3)
        #expect(services.map { $0.shedFailure == nil } == [true, false, false])
        let shed = Self.process(services[1], body: OTLPFixtures.traceBody(spans: 2))
        #expect(shed.status == 503)
        #expect(shed.extraHeaders.contains { $0.0 == "Retry-After" && $0.1 == "1" })
        #expect(queue.count == 2)
        #expect(Self.process(services[0], body: OTLPFixtures.traceBody(spans: 2)).status == 200)
        #expect(queue.count == 1)
        #expect(engine.summary().requestsShedByReason == [.queueFull: 2])
        #expect(engine.summary().spansReceived == 2)
    }

    @Test func aTicketDroppedUnprocessedLeavesTheQueue() {
        let queue = ExportQueue(limit: 4)
        do {
            let ticket = queue.enter()
            #expect(ticket.admitted)
            #expect(queue.count == 1)
        }
        #expect(queue.count == 0)
        let ticket = queue.enter()
        ticket.start()
        ticket.start()
        #expect(queue.count == 0)
    }
}
