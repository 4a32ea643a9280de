import Testing
@testable import GovTopCore

@Suite struct ConformanceTallyTests {
    private func record(_ tally: inout ConformanceTally, _ span: SpanRecord, service: String) {
        tally.record(AWUChecker.check(span, resource: []), service: service, traceID: span.traceID, spanID: span.spanID)
    }

    @Test func levelsPerService() throws {
        var tally = ConformanceTally()
        for (index, shape) in AWUFixtures.Shape.allCases.enumerated() {
            record(&tally, AWUFixtures.span(shape, trace: UInt64(index + 1)), service: "full")
        }
        record(&tally, AWUFixtures.span(.executed, trace: 10), service: "partial")
        record(&tally, AWUFixtures.Edit(shape: .executed, removingEvents: [AWUChecker.reconciliationEvent]).apply(trace: 11),
               service: "partial")
        record(&tally, AWUFixtures.Edit(shape: .executed, removing: ["genops.team"]).apply(trace: 20), service: "none")
        record(&tally, AWUFixtures.Edit(shape: .executed, setting: [Attribute("genops.spec.version", .string("1.0.0"))])
                   .apply(trace: 30), service: "future")
        record(&tally, SpanFactory.llmCall(trace: 40, id: 1), service: "plain")

        let report = tally.report()
        #expect(report.services.map(\.service) == ["none", "partial", "full", "future", "plain"])
        #expect(report.services.map(\.level) == [.none, .partial, .full, .unknownVersion, .notGenOps])
        let partial = try #require(report.services.first { $0.service == "partial" })
        #expect(partial.awus == 2 && partial.conforming == 1)
        #expect(partial.violations == [.eventReconciliationMissing: 1])
        #expect(partial.examples[.eventReconciliationMissing] == [ConformanceExample(traceID: SpanFactory.traceID(11), spanID: SpanID(1))])
        #expect(report.services.first { $0.service == "future" }?.unknownVersions == ["1.0.0": 1])
        #expect(report.services.first { $0.service == "plain" }?.spans == 1)
        #expect(report.fails)
    }

    /// Runs of plain spans counted at once give the same report as one record per span, also when
    /// the cap on services folds the later ones into `(other)`.
    @Test func plainSpansCountedInRunsLikeOneByOne() {
        let services = ["a", "a", "b", "c", "c", "c", "a", "d", "b"]
        var oneByOne = ConformanceTally(limits: .init(maxServices: 2))
        var inRuns = ConformanceTally(limits: .init(maxServices: 2))
        for (index, service) in services.enumerated() {
            oneByOne.record(.notAWU, service: service, traceID: SpanFactory.traceID(UInt64(index + 1)), spanID: SpanID(1))
        }
        inRuns.recordNotAWU(2, service: "a")
        inRuns.recordNotAWU(0, service: "z")
        inRuns.recordNotAWU(1, service: "b")
        inRuns.recordNotAWU(3, service: "c")
        inRuns.recordNotAWU(1, service: "a")
        inRuns.recordNotAWU(1, service: "d")
        inRuns.recordNotAWU(1, service: "b")
        let expected = oneByOne.report().services.map { [$0.service: $0.spans] }
        #expect(expected == [["(other)": 4], ["a": 3], ["b": 2]])
        #expect(inRuns.report().services.map { [$0.service: $0.spans] } == expected)
    }

    @Test func aReusedIdentityBreaksIdentityReused() {
        var tally = ConformanceTally()
        let span = AWUFixtures.span(.executed)
        #expect(tally.record(AWUChecker.check(span, resource: []), service: "s", traceID: span.traceID, spanID: span.spanID) == [])
        #expect(tally.record(AWUChecker.check(span, resource: []), service: "s", traceID: span.traceID, spanID: span.spanID)
                == [.identityReused])
        #expect(tally.report().services.first?.level == ConformanceLevel.none)
    }

    @Test func memoryIsBounded() throws {
        var tally = ConformanceTally(limits: .init(maxServices: 2, examplesPerRule: 3, rememberedIdentities: 4))
        for trace in 1...10 as ClosedRange<UInt64> {
            record(&tally, AWUFixtures.Edit(shape: .executed, removing: ["genops.team"]).apply(trace: trace), service: "svc\(trace % 4)")
        }
        let report = tally.report()
        #expect(report.services.count == 3 && report.foldedServices)
        let other = try #require(report.services.first { $0.service == Dimension.other })
        #expect(other.examples[.attributionMissing]?.count == 3)
        #expect(report.services.reduce(0) { $0 + $1.awus } == 10)
        // The first identity was forgotten (only the last 4 are remembered): it is not reported as reused.
        let first = AWUFixtures.span(.executed, trace: 1)
        #expect(tally.record(.checked([]), service: "svc1", traceID: first.traceID, spanID: first.spanID) == [])
    }
}
