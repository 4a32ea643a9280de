import Foundation
import GovTopCore
import OTLPProto
import SwiftProtobuf
import Testing

/// The metrics decoders (protobuf and OTLP/JSON) against requests built and serialized with the
/// generated swift-protobuf types, mapped to govtop's model by `MetricsOracle`.
@Suite struct MetricsDecoderOracleTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func protobufMatchesTheOracle(seed: UInt64) throws {
        let request = MetricsOracle.request(seed: seed)
        let bytes: [UInt8] = try request.serializedBytes()
        let decoded = try OTLPProtobufDecoder.decodeMetrics(bytes)
        #expect(decoded == MetricsOracle.batch(request))
        #expect(decoded.pointCount == ProtobufSignalTests.dataPoints(in: request))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func jsonMatchesTheOracle(seed: UInt64) throws {
        let request = MetricsOracle.request(seed: seed)
        let json = Array(try request.jsonString().utf8)
        let decoded = try OTLPJSONDecoder.decodeMetrics(json)
        #expect(decoded == MetricsOracle.batch(request))
    }

    @Test func everyPointKindKeepsTemporalityAndMonotonicity() throws {
        let request = MetricsOracle.request(seed: 42)
        let batch = try OTLPProtobufDecoder.decodeMetrics(try request.serializedBytes())
        let kinds = batch.resourceMetrics.flatMap(\.scopeMetrics).flatMap(\.metrics).map(\.data)
        #expect(kinds.contains { if case .sum(_, .cumulative, true) = $0 { true } else { false } })
        #expect(kinds.contains { if case .histogram(_, .delta) = $0 { true } else { false } })
        #expect(kinds.contains { if case .exponentialHistogram(let points, _) = $0 { points.contains { !$0.negative.bucketCounts.isEmpty } } else { false } })
        #expect(kinds.contains { if case .summary(let points) = $0 { points.contains { !$0.quantiles.isEmpty } } else { false } })
        #expect(kinds.contains { if case .gauge = $0 { true } else { false } })
    }

    @Test func unpackedRepeatedFieldsDecodeLikePackedOnes() throws {
        // Histogram bucket counts and bounds sent one value per tag (not packed).
        let point = Wire.fixed64Field(4, 3) + Wire.fixed64Field(6, 1) + Wire.fixed64Field(6, 2) + Wire.fixed64Field(7, 1.5.bitPattern)
        let histogram = Wire.lengthDelimited(1, point) + Wire.varintField(2, 2)
        let metric = Wire.string(1, "h") + Wire.lengthDelimited(9, histogram)
        let bytes = MetricsOracle.wrap(metric)
        let decoded = try OTLPProtobufDecoder.decodeMetrics(bytes)
        var expected = HistogramPoint()
        expected.count = 3
        expected.bucketCounts = [1, 2]
        expected.explicitBounds = [1.5]
        #expect(decoded.resourceMetrics[0].scopeMetrics[0].metrics[0].data == .histogram([expected], temporality: .cumulative))
    }

    @Test func aPackedFieldOfTheWrongLengthIsRefused() {
        let histogram = Wire.lengthDelimited(1, Wire.lengthDelimited(6, [1, 2, 3]))
        let metric = Wire.lengthDelimited(9, histogram)
        #expect(throws: OTLPDecodeError.self) { try OTLPProtobufDecoder.decodeMetrics(MetricsOracle.wrap(metric)) }
    }

    @Test func millionsOfEmptyPointsExceedTheAllowance() {
        // 200,000 empty data points (tag 0x0A, length 0).
        let histogram = (0..<400_000).map { $0 % 2 == 0 ? UInt8(0x0A) : 0 }
        let metric = Wire.lengthDelimited(9, histogram)
        let limits = DecodeLimits(maxDecodedBytes: 4 << 20)
        #expect {
            try OTLPProtobufDecoder.decodeMetrics(MetricsOracle.wrap(metric), limits: limits)
        } throws: { error in
            guard let error = error as? OTLPDecodeError, case .allocationLimit = error.kind else { return false }
            return true
        }
    }

    @Test func deeplyNestedPointAttributesAreRefused() throws {
        let value = ProtoAnyValue.nestedArrays(depth: 40)
        var request = MetricsOracle.request(seed: 1)
        var keyValue = ProtoKeyValue()
        keyValue.key = "deep"
        keyValue.value = value
        var gauge = Opentelemetry_Proto_Metrics_V1_NumberDataPoint()
        gauge.attributes = [keyValue]
        var metric = ProtoMetric()
        metric.gauge.dataPoints = [gauge]
        request.resourceMetrics[0].scopeMetrics[0].metrics.append(metric)
        #expect(throws: OTLPDecodeError.self) { try OTLPProtobufDecoder.decodeMetrics(try request.serializedBytes()) }
        #expect(throws: OTLPDecodeError.self) { try OTLPJSONDecoder.decodeMetrics(Array(try request.jsonString().utf8)) }
    }
}
