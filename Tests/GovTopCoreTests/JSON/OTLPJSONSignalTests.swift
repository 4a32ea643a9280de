import Testing
import GovTopCore

/// The OTLP/JSON metrics and logs decoders on the fixtures and on malformed requests: how many
/// points and records they keep, and the error each bad shape gets.
@Suite struct OTLPJSONSignalTests {
    @Test func decodesDataPointsOfEveryMetricKind() throws {
        #expect(try OTLPJSONDecoder.decodeMetrics(JSONFixtures.bytes("metrics-every-kind")).pointCount == 11)
    }

    @Test func decodesLogRecords() throws {
        #expect(try OTLPJSONDecoder.decodeLogs(JSONFixtures.bytes("logs-records")).recordCount == 4)
    }

    @Test(arguments: ["{}", #"{"resourceMetrics":[]}"#, #"{"resourceMetrics":null}"#, #"{"resourceMetrics":[{}]}"#])
    func emptyMetricRequestsHoldNoPoints(text: String) throws {
        #expect(try OTLPJSONDecoder.decodeMetrics(Array(text.utf8)).pointCount == 0)
    }

    @Test(arguments: [
        (#"{"resourceMetrics":{}}"#, "field 'resourceMetrics' of ExportMetricsServiceRequest must be an array, found an object at byte 19 (line 1, column 20)"),
        (#"{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"gauge":{"dataPoints":[1]}}]}]}]}"#,
         "NumberDataPoint must be a JSON object, found a number at byte 73 (line 1, column 74)"),
        (#"{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"sum":[]}]}]}]}"#,
         "Sum must be a JSON object, found an array at byte 56 (line 1, column 57)"),
        (#"{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"sum":{"dataPoints":[{]}}]}]}]}"#,
         "malformed JSON: expected a quoted object key, found ']' at byte 72 (line 1, column 73)"),
        (#"{"resourceMetrics":[]} []"#, "malformed JSON: unexpected '[' after the end of the top-level value at byte 23 (line 1, column 24)"),
    ])
    func badMetricRequestsThrow(text: String, message: String) {
        #expect(throws: OTLPDecodeError(message)) { try OTLPJSONDecoder.decodeMetrics(Array(text.utf8)) }
    }

    @Test(arguments: [
        (#"{"resourceLogs":[{"scopeLogs":[{"logRecords":["x"]}]}]}"#,
         "LogRecord must be a JSON object, found a string at byte 46 (line 1, column 47)"),
        (#"{"resourceLogs":[{"scopeLogs":7}]}"#, "field 'scopeLogs' of ResourceLogs must be an array, found a number at byte 30 (line 1, column 31)"),
        (#"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"\x"}}]}]}]}"#,
         #"malformed JSON: invalid escape sequence, '\' followed by 'x' at byte 70 (line 1, column 71)"#),
    ])
    func badLogRequestsThrow(text: String, message: String) {
        #expect(throws: OTLPDecodeError(message)) { try OTLPJSONDecoder.decodeLogs(Array(text.utf8)) }
    }
}
