import CZlib
import Foundation
import GovTopClient
import GovTopCore
import Testing

/// The pure parts of `govtop replay`: where each signal goes, when each export is due, what a line
/// becomes, and reading plain and gzip files line by line.
@Suite struct ReplayPartsTests {
    @Test(arguments: [
        ("http://h:4318", "/v1/metrics"),
        ("http://h:4318/v1/traces", "/v1/metrics"),
        ("http://h:4318/v1/logs", "/v1/metrics"),
        ("http://gateway/otlp/", "/otlp/v1/metrics"),
        ("http://h/v1/traces?tenant=a", "/v1/metrics?tenant=a"),
    ])
    func signalPaths(url: String, metricsPath: String) throws {
        #expect(try OTLPEndpoint(parsing: url).path(for: .metrics) == metricsPath)
    }

    @Test func scheduleFollowsTheDataScaledCappedAndNeverBackwards() {
        var schedule = ReplaySchedule(speed: 2, maxGapSeconds: 60)
        let second: UInt64 = 1_000_000_000
        #expect(schedule.due(at: 100 * second) == .zero)
        #expect(schedule.due(at: 104 * second) == .seconds(2))
        #expect(schedule.due(at: nil) == .seconds(2))
        #expect(schedule.due(at: 90 * second) == .seconds(2), "an older export follows at once")
        #expect(schedule.due(at: 106 * second) == .seconds(3))
        #expect(schedule.due(at: 10_000 * second) == .seconds(33), "a 9894 s pause counts as 60 s")
        var fastest = ReplaySchedule(speed: nil)
        #expect(fastest.due(at: 1) == .zero)
        #expect(fastest.due(at: 100 * second) == .zero)
    }

    @Test func aCollectorLineIsSentAsCompactOTLPJSONWithItsLatestTime() throws {
        let line = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","name":"a","startTimeUnixNano":"5","endTimeUnixNano":"9"},{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060709","name":"b","endTimeUnixNano":"7"}]}]}]}"#
        let export = try #require(try RecordedExport.parse(Array(line.utf8)))
        #expect(export.signal == .traces)
        #expect(export.items == 2)
        #expect(export.timeUnixNano == 9)
        // Sent as protobuf: the same spans in a third of the bytes.
        #expect(export.content == .protobuf)
        let sent = try export.body.withUnsafeBytes { try OTLPProtobufDecoder.decodeTraces($0) }
        let recorded = try Array(line.utf8).withUnsafeBytes { try OTLPJSONDecoder.decodeTraces($0) }
        #expect(sent == recorded)
    }

    @Test func aTraceLineTheDecoderWouldTrimIsSentAsItsJSON() throws {
        let line = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"00000000000000000000000000000000","spanId":"0102030405060708","name":"bad id"}]}]}]}"#
        let export = try #require(try RecordedExport.parse(Array(line.utf8)))
        #expect(export.content == .json)
        #expect(String(decoding: export.body, as: UTF8.self) == line)
    }

    @Test func protobufsGenericJSONIsAccepted() throws {
        // Python's MessageToJson: snake_case keys allowed, ids in base64, pretty spacing.
        let line = #"{ "resource_logs": [ { "scope_logs": [ { "log_records": [ { "time_unix_nano": "1700000000000000000", "trace_id": "AQIDBAUGBwgJCgsMDQ4PEA==", "span_id": "AQIDBAUGBwg=", "body": { "stringValue": "x" } } ] } ] } ] }"#
        let export = try #require(try RecordedExport.parse(Array(line.utf8)))
        #expect(export.signal == .logs)
        #expect(export.items == 1)
        #expect(export.timeUnixNano == 1_700_000_000_000_000_000)
        let body = String(decoding: export.body, as: UTF8.self)
        #expect(body.contains(#""traceId":"0102030405060708090a0b0c0d0e0f10""#))
        #expect(body.contains(#""spanId":"0102030405060708""#))
        #expect(body.hasPrefix(#"{"resourceLogs":[{"scopeLogs":[{"logRecords":"#))
    }

    @Test(arguments: [
        ("{\"resourceSpans\":", "not valid JSON"),
        ("[1,2]", "not a JSON object"),
        ("{\"hello\":1}", "none of resourceSpans, resourceMetrics, resourceLogs (found hello)"),
    ])
    func badLinesSayWhy(line: String, reason: String) {
        #expect {
            try RecordedExport.parse(Array(line.utf8))
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test func blankLinesAreSkipped() throws {
        #expect(try RecordedExport.parse(Array("  \r".utf8)) == nil)
    }

    static func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-replay-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func gzip(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = govtop_deflateInit2(&stream, 6, 16 + 15)
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
        var input = input
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                _ = deflate(&stream, Z_FINISH)
            }
        }
        return Array(output.prefix(Int(stream.total_out)))
    }

    static func readAll(_ path: String, maxLineBytes: Int = 1 << 20) throws -> [String] {
        let reader = try RecordLineReader(path: path, maxLineBytes: maxLineBytes)
        var lines: [String] = []
        while let line = try reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    @Test func readsPlainAndGzipAndConcatenatedGzipLineByLine() throws {
        let long = String(repeating: "x", count: 700_000)
        let text = "a\r\nb\n\n\(long)\nlast-without-newline"
        let expected = ["a", "b", "", long, "last-without-newline"]
        #expect(try Self.readAll(Self.write(Array(text.utf8))) == expected)
        #expect(try Self.readAll(Self.write(Self.gzip(Array(text.utf8)))) == expected)
        let members = Self.gzip(Array("one\ntw".utf8)) + Self.gzip(Array("o\nthree\n".utf8))
        #expect(try Self.readAll(Self.write(members)) == ["one", "two", "three"])
    }

    @Test func fileProblemsNameTheFileAndLine() throws {
        #expect { try RecordLineReader(path: "/nonexistent/record.jsonl") } throws: { "\($0)" == "/nonexistent/record.jsonl: no such file" }
        let long = try Self.write(Array("ok\n\(String(repeating: "y", count: 5000))\n".utf8))
        #expect { try Self.readAll(long, maxLineBytes: 1000) } throws: { "\($0)" == "\(long):2: line is longer than 1000 bytes" }
        let truncated = try Self.write(Array(Self.gzip(Array(String(repeating: "z\n", count: 10_000).utf8)).dropLast(20)))
        #expect { try Self.readAll(truncated) } throws: { "\($0)".contains("truncated") || "\($0)".contains("not valid gzip") }
    }
}
