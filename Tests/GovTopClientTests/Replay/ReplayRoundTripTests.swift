import GovTopTestSupport
import Foundation
import GovTopClient
import GovTopCore
import GovTopDemo
import GovTopReceiver
import Synchronization
import Testing

/// Record → replay: a govtop that records the demo fleet's traffic (and some metrics and logs),
/// replayed into a fresh govtop, gives the same totals and the same groups in every dimension.
/// And the replay's errors: refused exports and bad lines name their line, an unreachable receiver
/// ends the replay.
@Suite struct ReplayRoundTripTests {
    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-replay-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    /// 2027-01-15 08:00:00 UTC.
    static let startTime: UInt64 = 1_800_000_000 * 1_000_000_000

    static let metricsJSON = Array(#"{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m","gauge":{"dataPoints":[{"asInt":"1","timeUnixNano":"1800000001000000000"},{"asDouble":2.5,"timeUnixNano":"1800000001000000000"}]}}]}]}]}"#.utf8)
    static let logsJSON = Array(#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1800000002000000000","body":{"stringValue":"a"}},{"body":{"stringValue":"b"}},{"body":{"stringValue":"c"}}]}]}]}"#.utf8)

    /// The figures a round trip must keep.
    struct Totals: Equatable {
        var spans, rejected, requests, unpriced, violations, evalFailures, metricPoints, logRecords: Int
        var cost: Double
        var input, output: Int64
        var groups: [GovTopCore.Dimension: [GroupRow.Key]]

        init(_ engine: Engine) {
            let summary = engine.summary()
            spans = summary.spansReceived
            rejected = summary.spansRejected
            requests = summary.requestsTotal
            unpriced = summary.unpricedRequestsTotal
            violations = summary.policyViolationsTotal
            evalFailures = summary.evalFailuresTotal
            metricPoints = summary.metricPointsReceived
            logRecords = summary.logRecordsReceived
            cost = summary.costUSDTotal
            input = summary.inputTokensTotal
            output = summary.outputTokensTotal
            groups = Dictionary(uniqueKeysWithValues: GovTopCore.Dimension.allCases.map { dimension in
                (dimension, engine.groups(by: dimension).map { GroupRow.Key(key: $0.key, totals: $0.totals) }.sorted { $0.key < $1.key })
            })
        }
    }

    @Test func aRecordedDemoReplaysToIdenticalTotals() async throws {
        let path = Self.temporaryPath("demo.jsonl")
        let configuration = EngineConfiguration()
        // Record: 30 seconds of the demo fleet, one export per second, plus metrics and logs.
        let recording = Engine(configuration: configuration)
        let recorder = try ExportRecorder(configuration: RecorderConfiguration(path: path), policies: PolicyEvaluator(rules: []))
        let first = GovTopServer(configuration: ReceiverConfiguration(host: "127.0.0.1", port: 0), engine: recording, recorder: recorder)
        let firstPort = try await first.start()
        let client = OTLPHTTPClient(endpoint: OTLPEndpoint(host: "127.0.0.1", port: firstPort))
        var scenario = DemoScenario(seed: 7, startTime: Self.startTime)
        for second in 0..<30 {
            let from = Self.startTime + UInt64(second) * 1_000_000_000
            let batch = scenario.traffic(from: from, to: from + 1_000_000_000, rate: 40)
            if batch.spanCount > 0 { _ = try await client.export(OTLPProtobufEncoder.encode(batch)) }
        }
        let endpoint = OTLPEndpoint(host: "127.0.0.1", port: firstPort)
        _ = try await client.export(Self.metricsJSON, path: endpoint.path(for: .metrics), contentType: .json)
        _ = try await client.export(Self.logsJSON, path: endpoint.path(for: .logs), contentType: .json)
        await client.close()
        await first.stop()
        recorder.stop()
        let recorded = Totals(recording)
        #expect(recorded.spans > 100 && recorded.cost > 0 && recorded.metricPoints == 2 && recorded.logRecords == 3)
        #expect(recorder.counts.recorded > 2 && recorder.counts.dropped == 0 && recorder.counts.writeErrors == 0)

        // Replay into a fresh govtop.
        let replaying = Engine(configuration: configuration)
        let second = GovTopServer(configuration: ReceiverConfiguration(host: "127.0.0.1", port: 0), engine: replaying)
        let secondPort = try await second.start()
        let driver = ReplayDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: secondPort), speed: nil)
        let progress = try await driver.run(files: [path])
        await second.stop()
        #expect(progress.failed == 0 && progress.badLines == 0 && progress.itemsRejected == 0)
        #expect(progress.exportsSent == recorder.counts.recorded)
        #expect(progress.sent[.metrics] == 1 && progress.sent[.logs] == 1)
        #expect(Totals(replaying) == recorded)
    }

    @Test func refusedExportsAndBadLinesAreReportedByLineAndTheReplayGoesOn() async throws {
        let path = Self.temporaryPath("mixed.jsonl")
        let good = String(decoding: Self.logsJSON, as: UTF8.self)
        try Data("\(good)\nnot json\n\(good)\n{\"x\":1}\n\(good)\n".utf8).write(to: URL(fileURLWithPath: path))
        let server = try await TestHTTPServer(script: [.init(status: .ok), .init(status: .badRequest, body: Array("bad body".utf8))])
        let problems = ProblemLog()
        let driver = ReplayDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: server.port), speed: nil)
        let progress = try await driver.run(files: [path], onProblem: { problems.add($0.description) })
        await server.stop()
        #expect(progress.lines == 5 && progress.badLines == 2 && progress.failed == 1 && progress.exportsSent == 2)
        try #require(problems.lines.count == 3)
        #expect(problems.lines[0].hasPrefix("\(path):2: not valid JSON: malformed JSON"))
        #expect(problems.lines[1] == "\(path):3: logs export refused: HTTP 400: bad body")
        #expect(problems.lines[2] == "\(path):4: is not an OTLP export request: it has none of resourceSpans, resourceMetrics, resourceLogs (found x)")
        #expect(server.requests.allSatisfy { $0.path == "/v1/logs" && $0.contentType == "application/json" })
    }

    @Test func anUnreachableReceiverEndsTheReplayWithTheReason() async throws {
        let path = Self.temporaryPath("one.jsonl")
        try Data(Self.logsJSON + [0x0A]).write(to: URL(fileURLWithPath: path))
        let closed = try ClosedPort() // a port nothing listens on
        let port = closed.port
        let driver = ReplayDriver(endpoint: OTLPEndpoint(host: "127.0.0.1", port: port), speed: nil, retry: .none)
        await #expect {
            try await driver.run(files: [path])
        } throws: { error in
            "\(error)".hasPrefix("\(path):1: cannot connect to http://127.0.0.1:\(port)/v1/traces: connection refused")
        }
        withExtendedLifetime(closed) {}
    }
}

/// Problems reported from the replay's callback.
final class ProblemLog: Sendable {
    private let state = Mutex<[String]>([])
    func add(_ line: String) { state.withLock { $0.append(line) } }
    var lines: [String] { state.withLock { $0 } }
}

extension GroupRow {
    /// A group's name and totals: what a round trip keeps (rates depend on when spans arrived).
    struct Key: Equatable {
        var key: String
        var totals: GovTopCore.Totals
    }
}

