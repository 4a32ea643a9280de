import Foundation
import GovTopCore
import OTLPProto
import SwiftProtobuf
import Testing
@testable import GovTopReceiver

/// `--record`: accepted exports of every signal and encoding become one OTLP/JSON line each, read
/// back equal to what was sent; text the redact rules mask never reaches the file; files rotate by
/// size; a full queue drops and counts, never holds up ingest.
@Suite struct RecordTests {
    typealias MetricsRequest = Opentelemetry_Proto_Collector_Metrics_V1_ExportMetricsServiceRequest
    typealias LogsRequest = Opentelemetry_Proto_Collector_Logs_V1_ExportLogsServiceRequest

    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-record-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    /// A server that records to `configuration.path`; the recorder is stopped (its queue written)
    /// before `body`'s result is returned.
    static func withRecordingServer<T>(_ configuration: RecorderConfiguration, policies: [PolicyRule] = [], engine: Engine? = nil,
                                       _ body: (_ port: Int, _ recorder: ExportRecorder) async throws -> T) async throws -> T {
        let engine = engine ?? Engine(configuration: EngineConfiguration(policies: policies))
        let compiled = try PolicyEvaluator(rules: policies)
        let recorder = try ExportRecorder(configuration: configuration, policies: compiled)
        let server = GovTopServer(configuration: .forTests(), engine: engine, recorder: recorder)
        let port = try await server.start()
        do {
            let result = try await body(port, recorder)
            await server.stop()
            recorder.stop()
            return result
        } catch {
            await server.stop()
            recorder.stop()
            throw error
        }
    }

    static func post(_ port: Int, _ path: String, json: Bool = false, _ body: [UInt8]) async throws -> TestResponse {
        let header = json ? OTLPFixtures.contentTypeJSON : OTLPFixtures.contentTypeProtobuf
        return try await blocking { try HTTPTestClient(port: port).exchange("POST", path, headers: [header], body: body) }
    }

    static func lines(_ path: String) throws -> [[UInt8]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    @Test func everySignalAndEncodingBecomesOneLineThatReadsBackEqual() async throws {
        let path = Self.temporaryPath("record.jsonl")
        let traces = OTLPFixtures.traceBody(spans: 3)
        let tracesBatch = try traces.withUnsafeBytes { try OTLPProtobufDecoder.decodeTraces($0) }
        let tracesJSON = OTLPJSONEncoder.encode(try OTLPFixtures.traceBody(spans: 2, firstTrace: 50).withUnsafeBytes {
            try OTLPProtobufDecoder.decodeTraces($0)
        })
        let metrics = OTLPFixtures.metricsBody(points: 4)
        let logs = OTLPFixtures.logsBody(records: 3)
        let logsJSON = Array(#"{"resource_logs":[{"scope_logs":[{"log_records":[{"body":{"stringValue":"pretty\nprinted"}}]}]}]}"#.utf8)
        try await Self.withRecordingServer(RecorderConfiguration(path: path)) { (port: Int, _: ExportRecorder) async throws in
            #expect(try await Self.post(port, "/v1/traces", traces).status == 200)
            #expect(try await Self.post(port, "/v1/traces", json: true, tracesJSON).status == 200)
            #expect(try await Self.post(port, "/v1/metrics", metrics).status == 200)
            #expect(try await Self.post(port, "/v1/logs", logs).status == 200)
            #expect(try await Self.post(port, "/v1/logs", json: true, logsJSON).status == 200)
            // Refused exports are not recorded.
            #expect(try await Self.post(port, "/v1/logs", json: true, Array("{".utf8)).status == 400)
        }
        let lines = try Self.lines(path)
        try #require(lines.count == 5)
        #expect(try lines[0].withUnsafeBytes { try OTLPJSONDecoder.decodeTraces($0) } == tracesBatch)
        #expect(try lines[1].withUnsafeBytes { try OTLPJSONDecoder.decodeTraces($0) }
                == tracesJSON.withUnsafeBytes { try OTLPJSONDecoder.decodeTraces($0) })
        #expect(try MetricsRequest(jsonUTF8Bytes: lines[2]) == MetricsRequest(serializedBytes: metrics))
        #expect(try LogsRequest(jsonUTF8Bytes: lines[3]) == LogsRequest(serializedBytes: logs))
        #expect(String(decoding: lines[4], as: UTF8.self)
                == #"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"pretty\nprinted"}}]}]}]}"#)
        for line in lines { #expect(line.first == UInt8(ascii: "{") && line.last == UInt8(ascii: "}")) }
    }

    @Test func whatTheRedactRulesMaskNeverReachesTheFile() async throws {
        let path = Self.temporaryPath("record.jsonl")
        let secret = "sk-live-4242424242"
        let policies = [
            PolicyRule(name: "api-key", check: .pattern("sk-live-[0-9]+", keys: nil), action: .redact),
            PolicyRule(name: "prompt-ssn", check: .pattern("[0-9]{3}-[0-9]{2}-[0-9]{4}", keys: ["gen_ai.prompt"]), action: .redact),
        ]
        let engine = Engine(configuration: EngineConfiguration(policies: policies))
        let span = OTLPFixtures.span(trace: 9, id: 9, name: "chat \(secret)", attributes: [
            OTLPFixtures.string("gen_ai.prompt", "key \(secret) and ssn 123-45-6789"),
            OTLPFixtures.string("other", "ssn 123-45-6789 outside the rule's keys"),
        ])
        var record = Opentelemetry_Proto_Logs_V1_LogRecord()
        record.body.stringValue = "leaked \(secret)"
        record.attributes = [OTLPFixtures.keyValue("gen_ai.prompt") { value in
            value.kvlistValue.values = [OTLPFixtures.string("nested", "ssn 123-45-6789")]
        }]
        var scope = Opentelemetry_Proto_Logs_V1_ScopeLogs()
        scope.logRecords = [record]
        var resource = Opentelemetry_Proto_Logs_V1_ResourceLogs()
        resource.scopeLogs = [scope]
        var logs = LogsRequest()
        logs.resourceLogs = [resource]
        let logsJSON = Array(#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"json \#(secret)"}}]}]}]}"#.utf8)
        try await Self.withRecordingServer(RecorderConfiguration(path: path), policies: policies, engine: engine) { (port: Int, _: ExportRecorder) async throws in
            #expect(try await Self.post(port, "/v1/traces", OTLPFixtures.bytes(OTLPFixtures.traceRequest([span]))).status == 200)
            #expect(try await Self.post(port, "/v1/logs", OTLPFixtures.bytes(logs)).status == 200)
            #expect(try await Self.post(port, "/v1/logs", json: true, logsJSON).status == 200)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(secret))
        #expect(text.contains("[REDACTED:api-key]"))
        // Keyed rules mask under their keys only, nested values under the attribute's key, as in the store.
        #expect(text.contains("ssn [REDACTED:prompt-ssn]\"}"))
        #expect(text.contains("ssn 123-45-6789 outside the rule's keys"))
        // The span line is the span as stored.
        let id = try #require(TraceID(hex: "0102030405060708" + "0000000000000009"))
        let stored = try #require(engine.trace(id))
        let recorded = try Self.lines(path)[0].withUnsafeBytes { try OTLPJSONDecoder.decodeTraces($0) }
        #expect(recorded.resourceSpans[0].scopeSpans[0].spans == stored.spans.map(\.record))
    }

    @Test func filesRotateBySizeKeepingTheNewest() async throws {
        let path = Self.temporaryPath("r.jsonl")
        try await Self.withRecordingServer(RecorderConfiguration(path: path, maxFileBytes: 1024, keepFiles: 2)) { (port: Int, _: ExportRecorder) async throws in
            for trace in 1...6 {
                #expect(try await Self.post(port, "/v1/traces", OTLPFixtures.traceBody(spans: 2, firstTrace: UInt64(trace * 10))).status == 200)
            }
        }
        let names = [path, path + ".1", path + ".2"]
        var firstTraces: [UInt64] = []
        for name in names {
            let lines = try Self.lines(name)
            #expect(!lines.isEmpty, "\(name)")
            let size = try #require(try FileManager.default.attributesOfItem(atPath: name)[.size] as? Int)
            #expect(size <= 1024 || lines.count == 1, "\(name): \(size) bytes in \(lines.count) lines")
            let batch = try lines[0].withUnsafeBytes { try OTLPJSONDecoder.decodeTraces($0) }
            firstTraces.append(batch.resourceSpans[0].scopeSpans[0].spans[0].traceID.low)
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".3"))
        // Newest in FILE, older in FILE.1, oldest kept in FILE.2; the lines of the oldest exports are gone.
        #expect(firstTraces == firstTraces.sorted(by: >))
        #expect(try Self.lines(path).last.map { try $0.withUnsafeBytes { try OTLPJSONDecoder.decodeTraces($0) } }?
                    .resourceSpans[0].scopeSpans[0].spans[0].traceID.low == 60)
    }

    @Test func aFullQueueDropsAndCountsWhileIngestGoesOn() async throws {
        let path = Self.temporaryPath("record.jsonl")
        // No export fits a 1-byte queue.
        try await Self.withRecordingServer(RecorderConfiguration(path: path, maxQueuedBytes: 1)) { (port: Int, _: ExportRecorder) async throws in
            #expect(try await Self.post(port, "/v1/traces", OTLPFixtures.traceBody(spans: 2)).status == 200)
            #expect(try await Self.post(port, "/v1/metrics", OTLPFixtures.metricsBody(points: 2)).status == 200)
            #expect(try await Self.post(port, "/v1/logs", OTLPFixtures.logsBody(records: 2)).status == 200)
            let summary = try await APIClient(port: port).get("/api/v1/summary")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.text.utf8)) as? [String: Any])
            #expect(object["record_dropped"] as? Int == 3)
            #expect(object["record_written"] as? Int == 0)
            #expect(object["spans_received"] as? Int == 2)
        }
        #expect(try Self.lines(path).isEmpty)
    }

    @Test func aFileThatCannotBeOpenedIsAnErrorNamingIt() {
        let path = Self.temporaryPath("missing-directory/record.jsonl")
        #expect {
            try ExportRecorder(configuration: RecorderConfiguration(path: path), policies: PolicyEvaluator(rules: []))
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("cannot open")
        }
    }

    @Test(arguments: [(0, [(String, String)]()), (1, [("f", "f.1")]), (3, [("f.2", "f.3"), ("f.1", "f.2"), ("f", "f.1")])])
    func rotationRenamesOldestFirst(_ keep: Int, _ moves: [(String, String)]) {
        let plan = RecordFile.rotation(path: "f", keep: keep)
        #expect(plan.map(\.from) == moves.map(\.0))
        #expect(plan.map(\.to) == moves.map(\.1))
    }
}
