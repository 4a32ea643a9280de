import Foundation
import GovTopCore
import OTLPProto
import SwiftProtobuf
import Testing

typealias ProtoMetricsRequest = Opentelemetry_Proto_Collector_Metrics_V1_ExportMetricsServiceRequest
typealias ProtoLogsRequest = Opentelemetry_Proto_Collector_Logs_V1_ExportLogsServiceRequest
typealias ProtoMetric = Opentelemetry_Proto_Metrics_V1_Metric

/// The protobuf metrics and logs decoders against requests built with the generated types: the
/// points and records they keep (oneof and unknown-field rules included) and malformed requests.
@Suite struct ProtobufSignalTests {
    static func dataPoints(in request: ProtoMetricsRequest) -> Int {
        request.resourceMetrics.flatMap(\.scopeMetrics).flatMap(\.metrics).reduce(0) { total, metric in
            switch metric.data {
            case .gauge(let gauge)?: total + gauge.dataPoints.count
            case .sum(let sum)?: total + sum.dataPoints.count
            case .histogram(let histogram)?: total + histogram.dataPoints.count
            case .exponentialHistogram(let histogram)?: total + histogram.dataPoints.count
            case .summary(let summary)?: total + summary.dataPoints.count
            case nil: total
            }
        }
    }

    static func randomMetrics(seed: UInt64) -> ProtoMetricsRequest {
        var random = SplitMix64(seed: seed)
        var request = ProtoMetricsRequest()
        for _ in 0..<random.int(0...3) {
            var resourceMetrics = Opentelemetry_Proto_Metrics_V1_ResourceMetrics()
            resourceMetrics.resource.attributes = [keyValue("service.name", .stringValue("svc"))]
            for _ in 0..<random.int(0...3) {
                var scopeMetrics = Opentelemetry_Proto_Metrics_V1_ScopeMetrics()
                scopeMetrics.scope.name = "meter"
                scopeMetrics.metrics = (0..<random.int(0...6)).map { index in metric(index: index, random: &random) }
                resourceMetrics.scopeMetrics.append(scopeMetrics)
            }
            request.resourceMetrics.append(resourceMetrics)
        }
        return request
    }

    private static func metric(index: Int, random: inout SplitMix64) -> ProtoMetric {
        var metric = ProtoMetric()
        metric.name = "gen_ai.client.token.usage.\(index)"
        metric.unit = "{token}"
        let points = random.int(0...5)
        switch random.int(0...5) {
        case 0:
            metric.gauge.dataPoints = (0..<points).map { _ in
                var point = Opentelemetry_Proto_Metrics_V1_NumberDataPoint()
                point.asDouble = 1.5
                point.attributes = [keyValue("gen_ai.request.model", .stringValue("gpt-4o"))]
                return point
            }
        case 1:
            metric.sum.dataPoints = (0..<points).map { _ in
                var point = Opentelemetry_Proto_Metrics_V1_NumberDataPoint()
                point.asInt = 42
                return point
            }
            metric.sum.isMonotonic = true
            metric.sum.aggregationTemporality = .cumulative
        case 2:
            metric.histogram.dataPoints = (0..<points).map { _ in
                var point = Opentelemetry_Proto_Metrics_V1_HistogramDataPoint()
                point.count = 3
                point.bucketCounts = [1, 2, 0]
                point.explicitBounds = [0.1, 1]
                return point
            }
        case 3:
            metric.exponentialHistogram.dataPoints = (0..<points).map { _ in
                var point = Opentelemetry_Proto_Metrics_V1_ExponentialHistogramDataPoint()
                point.scale = -2
                point.positive.bucketCounts = [4, 5]
                return point
            }
        case 4:
            metric.summary.dataPoints = (0..<points).map { _ in
                var point = Opentelemetry_Proto_Metrics_V1_SummaryDataPoint()
                var quantile = Opentelemetry_Proto_Metrics_V1_SummaryDataPoint.ValueAtQuantile()
                quantile.quantile = 0.99
                point.quantileValues = [quantile]
                return point
            }
        default:
            break
        }
        return metric
    }

    static func randomLogs(seed: UInt64) -> (ProtoLogsRequest, Int) {
        var random = SplitMix64(seed: seed)
        var request = ProtoLogsRequest()
        var count = 0
        for _ in 0..<random.int(0...3) {
            var resourceLogs = Opentelemetry_Proto_Logs_V1_ResourceLogs()
            for _ in 0..<random.int(0...3) {
                var scopeLogs = Opentelemetry_Proto_Logs_V1_ScopeLogs()
                scopeLogs.logRecords = (0..<random.int(0...7)).map { index in
                    var record = Opentelemetry_Proto_Logs_V1_LogRecord()
                    record.body = anyValue(.stringValue("log line \(index)"))
                    record.severityNumber = .warn
                    record.traceID = Data(repeating: 1, count: 16)
                    return record
                }
                count += scopeLogs.logRecords.count
                resourceLogs.scopeLogs.append(scopeLogs)
            }
            request.resourceLogs.append(resourceLogs)
        }
        return (request, count)
    }

    @Test(arguments: 0..<60)
    func metricDataPointsMatchTheGeneratedTypes(seed: UInt64) throws {
        let request = Self.randomMetrics(seed: seed)
        let bytes: [UInt8] = try request.serializedBytes()
        #expect(try OTLPProtobufDecoder.decodeMetrics(bytes).pointCount == Self.dataPoints(in: request))
    }

    @Test(arguments: 0..<60)
    func logRecordsMatchTheGeneratedTypes(seed: UInt64) throws {
        let (request, count) = Self.randomLogs(seed: seed)
        let bytes: [UInt8] = try request.serializedBytes()
        #expect(try OTLPProtobufDecoder.decodeLogs(bytes).recordCount == count)
    }

    @Test func emptyPayloadsDecodeToEmptyBatches() throws {
        #expect(try OTLPProtobufDecoder.decodeMetrics([]) == MetricBatch())
        #expect(try OTLPProtobufDecoder.decodeLogs([]) == LogBatch())
    }

    /// `Metric.data` is a oneof: a later member replaces an earlier one, the same member twice
    /// merges. The decoded points must match what a protobuf decoder keeps.
    @Test func metricDataOneofFollowsProtobufRules() throws {
        func points(_ count: Int) -> [UInt8] {
            Array(repeating: Wire.lengthDelimited(1, Wire.fixed64Field(3, 1)), count: count).flatMap { $0 }
        }
        let cases: [([UInt8], Int)] = [
            (Wire.lengthDelimited(5, points(3)) + Wire.lengthDelimited(7, points(2)), 2),
            (Wire.lengthDelimited(5, points(3)) + Wire.lengthDelimited(5, points(2)), 5),
            (Wire.lengthDelimited(9, points(1)) + Wire.string(1, "name") + Wire.lengthDelimited(11, points(4)), 4),
            (Wire.lengthDelimited(10, points(2)) + Wire.unknownFieldsOfEveryType, 2),
        ]
        for (metric, expected) in cases {
            let bytes = Wire.lengthDelimited(1, Wire.lengthDelimited(2, Wire.lengthDelimited(2, metric)))
                + Wire.unknownFieldsOfEveryType
            let oracle = try ProtoMetricsRequest(serializedBytes: bytes)
            #expect(Self.dataPoints(in: oracle) == expected)
            #expect(try OTLPProtobufDecoder.decodeMetrics(bytes).pointCount == expected)
        }
    }

    @Test func unknownFieldsAroundLogRecordsAreSkipped() throws {
        let record = Wire.string(3, "WARN") + Wire.unknownFieldsOfEveryType
        let scopeLogs = Wire.unknownFieldsOfEveryType + Wire.lengthDelimited(2, record) + Wire.lengthDelimited(2, [])
        let bytes = Wire.lengthDelimited(1, Wire.lengthDelimited(2, scopeLogs) + Wire.unknownFieldsOfEveryType)
        #expect(try ProtoLogsRequest(serializedBytes: bytes).resourceLogs[0].scopeLogs[0].logRecords.count == 2)
        #expect(try OTLPProtobufDecoder.decodeLogs(bytes).recordCount == 2)
    }

    @Test func malformedPayloadsThrow() {
        func logsRequest(record: [UInt8]) -> [UInt8] {
            Wire.lengthDelimited(1, Wire.lengthDelimited(2, Wire.lengthDelimited(2, record)))
        }
        #expect(throws: OTLPDecodeError("field 1 of LogRecord has wire type length-delimited, expected fixed64, at byte 6")) {
            try OTLPProtobufDecoder.decodeLogs(logsRequest(record: [0x0A, 0x09]))
        }
        #expect(throws: OTLPDecodeError("truncated length-delimited field 15 in LogRecord at byte 6: length 9 but only 0 bytes remain")) {
            try OTLPProtobufDecoder.decodeLogs(logsRequest(record: [0x7A, 0x09]))
        }
        #expect(throws: OTLPDecodeError("field 1 of ExportMetricsServiceRequest has wire type varint, expected length-delimited, at byte 0")) {
            try OTLPProtobufDecoder.decodeMetrics(Wire.varintField(1, 3))
        }
        #expect(throws: OTLPDecodeError.self) {
            try OTLPProtobufDecoder.decodeMetrics(Wire.lengthDelimited(1, Wire.lengthDelimited(2, [0x12, 0x05, 0x2A])))
        }
    }
}
