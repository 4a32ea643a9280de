import Testing
@testable import GovTopCore

/// The engine counts each batch's verdicts per service as the tally does one span at a time, also
/// when AWUs sit between plain spans of one service and services repeat across resources.
@Suite struct EngineConformanceTests {
    @Test func aBatchCountsLikeOneRecordPerSpan() {
        let plain = { (trace: UInt64) in SpanFactory.llmCall(trace: trace, id: 1) }
        let resources: [(service: String, spans: [SpanRecord])] = [
            ("alpha", [plain(1), AWUFixtures.span(.executed, trace: 2), plain(3), plain(4)]),
            ("beta", [plain(5), plain(6)]),
            ("alpha", [AWUFixtures.span(.blockedBeforeReservation, trace: 7), plain(8)]),
            ("gamma", [AWUFixtures.span(.executed, trace: 2)]),
        ]
        let batch = TraceBatch(resourceSpans: resources.map { resource in
            SpanFactory.batch(service: resource.service, resource.spans).resourceSpans[0]
        })
        let engine = Engine()
        engine.ingest(batch)

        var tally = ConformanceTally()
        for resource in resources {
            for span in resource.spans {
                tally.record(AWUChecker.check(span, resource: []), service: resource.service, traceID: span.traceID,
                             spanID: span.spanID)
            }
        }
        let counts = { (report: ConformanceReport) in
            report.services.map { "\($0.service): \($0.spans) spans, \($0.awus) AWUs, \($0.conforming) conforming, "
                + $0.violations.map { "\($0.key): \($0.value)" }.sorted().joined(separator: ", ") }
        }
        #expect(counts(engine.conformance()) == counts(tally.report()))
        #expect(engine.conformance().services.first { $0.service == "alpha" }?.spans == 6)
    }
}
