import Foundation
import GovTopClient
import GovTopCore
import Testing

/// `govtop conformance`'s reading of recorded files: OTLP/JSON lines, one JSON document, protobuf,
/// and unreadable input; and its text report.
@Suite struct ConformanceFilesTests {
    private static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-conformance-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    private static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = temporaryPath(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func awu(trace: UInt64, result: String = "BLOCKED", reason: String? = "BUDGET_EXCEEDED") -> SpanRecord {
        var attributes = [
            Attribute("genops.spec.version", .string("0.1.0")), Attribute("genops.team", .string("ml")),
            Attribute("genops.project", .string("bot")), Attribute("genops.environment", .string("ci")),
            Attribute("genops.operation.name", .string("answer")), Attribute("genops.operation.type", .string("inference")),
            Attribute("genops.policy.result", .string(result)),
        ]
        if let reason { attributes.append(Attribute("genops.policy.reason_code", .string(reason))) }
        let event = SpanEvent(timeUnixNano: 1, name: AWUChecker.policyEvaluatedEvent, attributes: Array(attributes.suffix(reason == nil ? 1 : 2)))
        return SpanRecord(traceID: TraceID(high: 7, low: trace), spanID: SpanID(trace), parentSpanID: SpanID(0), name: "awu",
                          kind: .internal, startTimeUnixNano: 1_700_000_000_000_000_000, endTimeUnixNano: 1_700_000_000_100_000_000,
                          attributes: attributes, events: [event])
    }

    private static func batch(_ spans: [SpanRecord], service: String) -> TraceBatch {
        TraceBatch(resourceSpans: [ResourceSpans(resource: Resource(attributes: [Attribute("service.name", .string(service))]),
                                                 scopeSpans: [ScopeSpans(spans: spans)])])
    }

    @Test func jsonLinesAndProtobufFilesAreJudgedTogether() throws {
        let lines = OTLPJSONEncoder.encode(Self.batch([Self.awu(trace: 1)], service: "gate")) + [0x0A]
            + OTLPJSONEncoder.encode(Self.batch([Self.awu(trace: 2, reason: nil)], service: "gate")) + [0x0A]
        let protobuf = OTLPProtobufEncoder.encode(Self.batch([Self.awu(trace: 3), Self.awu(trace: 1)], service: "gate"))
        var checker = ConformanceFiles()
        try checker.read(path: try Self.write(lines, "record.jsonl"))
        try checker.read(path: try Self.write(protobuf, "export.pb"))
        let report = checker.report()
        #expect(checker.spans == 4)
        let gate = try #require(report.services.first)
        #expect(gate.level == .none)
        #expect(gate.awus == 4 && gate.conforming == 2)
        // Trace 2 names no reason for its block; trace 1 came again in the protobuf file.
        #expect(gate.violations == [.policyReasonCodeMissing: 1, .identityReused: 1])
        let text = ConformanceText.render(report, spans: checker.spans)
        #expect(text.contains("gate  non-compliant  4 AWUs, 2 conforming"))
        #expect(text.contains("policy.reason_code.missing (§5.3)"))
        #expect(report.fails)
    }

    @Test func aCompliantRecordPasses() throws {
        var document = OTLPJSONEncoder.encode(Self.batch([Self.awu(trace: 1)], service: "gate"))
        // One request spread over several lines, as a pretty-printer writes it.
        document = Array(String(decoding: document, as: UTF8.self).replacingOccurrences(of: ",\"", with: ",\n\"").utf8)
        var checker = ConformanceFiles()
        try checker.read(path: try Self.write(document, "pretty.json"))
        #expect(checker.report().services.map(\.level) == [.full])
        #expect(!checker.report().fails)
    }

    @Test(arguments: [("empty.json", [UInt8]()), ("broken.jsonl", Array("{\"resourceSpans\": [}\n".utf8)),
                      ("noise.bin", [0xFF, 0xFF, 0xFF, 0x01])])
    func unreadableFilesNameThemselves(name: String, bytes: [UInt8]) throws {
        let path = try Self.write(bytes, name)
        var checker = ConformanceFiles()
        #expect { try checker.read(path: path) } throws: { error in
            (error as? ReplayError)?.file == path
        }
    }
}
