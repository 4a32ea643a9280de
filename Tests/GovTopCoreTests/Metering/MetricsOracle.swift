import Foundation
import GovTopCore
import OTLPProto
import SwiftProtobuf

typealias ProtoNumberPoint = Opentelemetry_Proto_Metrics_V1_NumberDataPoint
typealias ProtoHistogramPoint = Opentelemetry_Proto_Metrics_V1_HistogramDataPoint
typealias ProtoExponentialPoint = Opentelemetry_Proto_Metrics_V1_ExponentialHistogramDataPoint
typealias ProtoSummaryPoint = Opentelemetry_Proto_Metrics_V1_SummaryDataPoint

/// Metrics requests built with the generated types, and the batch govtop's decoders must make of them.
enum MetricsOracle {
    /// A request with every point kind, both temporalities, int and double values, attributes.
    static func request(seed: UInt64) -> ProtoMetricsRequest {
        var random = SplitMix64(seed: seed)
        var request = ProtoMetricsRequest()
        for resourceIndex in 0..<2 {
            var resourceMetrics = Opentelemetry_Proto_Metrics_V1_ResourceMetrics()
            resourceMetrics.resource.attributes = [keyValue("service.name", "svc-\(resourceIndex)"), keyValue("genops.team", "team-\(seed % 3)")]
            resourceMetrics.schemaURL = "https://opentelemetry.io/schemas/1.26.0"
            var scopeMetrics = Opentelemetry_Proto_Metrics_V1_ScopeMetrics()
            scopeMetrics.scope.name = "meter-\(seed)"
            scopeMetrics.scope.version = "1.0"
            for kind in 0..<5 {
                var metric = ProtoMetric()
                metric.name = "metric.\(kind)"
                metric.description_p = "kind \(kind)"
                metric.unit = kind == 2 ? "{token}" : "1"
                let temporality: Opentelemetry_Proto_Metrics_V1_AggregationTemporality = random.int(0...1) == 0 ? .delta : .cumulative
                let count = random.int(1...3)
                switch kind {
                case 0: metric.gauge.dataPoints = (0..<count).map { _ in numberPoint(&random) }
                case 1:
                    metric.sum.dataPoints = (0..<count).map { _ in numberPoint(&random) }
                    metric.sum.aggregationTemporality = .cumulative
                    metric.sum.isMonotonic = true
                case 2:
                    metric.histogram.dataPoints = (0..<count).map { _ in histogramPoint(&random) }
                    metric.histogram.aggregationTemporality = seed == 42 ? .delta : temporality
                case 3:
                    metric.exponentialHistogram.dataPoints = (0..<count).map { _ in exponentialPoint(&random) }
                    metric.exponentialHistogram.aggregationTemporality = temporality
                default: metric.summary.dataPoints = (0..<count).map { _ in summaryPoint(&random) }
                }
                scopeMetrics.metrics.append(metric)
            }
            resourceMetrics.scopeMetrics = [scopeMetrics]
            request.resourceMetrics.append(resourceMetrics)
        }
        return request
    }

    static func keyValue(_ key: String, _ text: String) -> ProtoKeyValue {
        var keyValue = ProtoKeyValue()
        keyValue.key = key
        keyValue.value.stringValue = text
        return keyValue
    }

    private static func attributes(_ random: inout SplitMix64) -> [ProtoKeyValue] {
        var model = keyValue("gen_ai.request.model", ["gpt-4o", "claude-3-5-sonnet", "a-very-long-model-name-beyond-inline"][random.int(0...2)])
        if random.int(0...1) == 0 { model.key = "gen_ai.response.model" }
        var number = ProtoKeyValue()
        number.key = "n"
        number.value.intValue = Int64(random.int(-5...5))
        return [model, number]
    }

    private static func numberPoint(_ random: inout SplitMix64) -> ProtoNumberPoint {
        var point = ProtoNumberPoint()
        point.attributes = attributes(&random)
        point.startTimeUnixNano = UInt64(random.int(1...1000))
        point.timeUnixNano = point.startTimeUnixNano + UInt64(random.int(1...1000))
        if random.int(0...1) == 0 { point.asInt = Int64(random.int(-100...100)) } else { point.asDouble = Double(random.int(0...1000)) / 8 }
        point.flags = UInt32(random.int(0...1))
        return point
    }

    private static func histogramPoint(_ random: inout SplitMix64) -> ProtoHistogramPoint {
        var point = ProtoHistogramPoint()
        point.attributes = attributes(&random)
        point.startTimeUnixNano = 10
        point.timeUnixNano = 20
        point.count = UInt64(random.int(0...50))
        if random.int(0...2) > 0 { point.sum = Double(random.int(0...10_000)) }
        point.bucketCounts = (0..<random.int(0...4)).map { _ in UInt64(random.int(0...9)) }
        point.explicitBounds = (0..<random.int(0...3)).map { Double($0) * 2.5 }
        if random.int(0...1) == 0 { point.min = 1; point.max = 99 }
        return point
    }

    private static func exponentialPoint(_ random: inout SplitMix64) -> ProtoExponentialPoint {
        var point = ProtoExponentialPoint()
        point.attributes = attributes(&random)
        point.startTimeUnixNano = 5
        point.timeUnixNano = 6
        point.count = 7
        point.sum = 3.25
        point.scale = Int32(random.int(-3...3))
        point.zeroCount = 1
        point.positive.offset = Int32(random.int(-4...4))
        point.positive.bucketCounts = [1, 300, 0, 70_000]
        point.negative.offset = -2
        point.negative.bucketCounts = [UInt64(random.int(1...9))]
        point.zeroThreshold = 0.001
        point.min = -1
        point.max = 12
        return point
    }

    private static func summaryPoint(_ random: inout SplitMix64) -> ProtoSummaryPoint {
        var point = ProtoSummaryPoint()
        point.attributes = attributes(&random)
        point.startTimeUnixNano = 1
        point.timeUnixNano = 2
        point.count = 4
        point.sum = 17.5
        point.quantileValues = [0.5, 0.99].map { quantile in
            var value = Opentelemetry_Proto_Metrics_V1_SummaryDataPoint.ValueAtQuantile()
            value.quantile = quantile
            value.value = quantile * 10
            return value
        }
        return point
    }

    /// Wraps the bytes of one `Metric` in a request (one resource, one scope).
    static func wrap(_ metric: [UInt8]) -> [UInt8] {
        Wire.lengthDelimited(1, Wire.lengthDelimited(2, Wire.lengthDelimited(2, metric)))
    }

    // MARK: The oracle

    static func batch(_ request: ProtoMetricsRequest) -> MetricBatch {
        MetricBatch(resourceMetrics: request.resourceMetrics.map { resourceMetrics in
            ResourceMetrics(
                resource: Resource(attributes: OracleMapping.attributes(resourceMetrics.resource.attributes),
                                   droppedAttributesCount: resourceMetrics.resource.droppedAttributesCount),
                schemaURL: resourceMetrics.schemaURL,
                scopeMetrics: resourceMetrics.scopeMetrics.map { scopeMetrics in
                    ScopeMetrics(scope: InstrumentationScope(name: scopeMetrics.scope.name, version: scopeMetrics.scope.version,
                                                             attributes: OracleMapping.attributes(scopeMetrics.scope.attributes),
                                                             droppedAttributesCount: scopeMetrics.scope.droppedAttributesCount),
                                 schemaURL: scopeMetrics.schemaURL,
                                 metrics: scopeMetrics.metrics.map(metric))
                })
        })
    }

    static func metric(_ metric: ProtoMetric) -> MetricRecord {
        func temporality(_ value: Opentelemetry_Proto_Metrics_V1_AggregationTemporality) -> AggregationTemporality {
            AggregationTemporality(rawValue: value.rawValue) ?? .unspecified
        }
        let data: MetricData
        switch metric.data {
        case .gauge(let gauge)?: data = .gauge(gauge.dataPoints.map(number))
        case .sum(let sum)?: data = .sum(sum.dataPoints.map(number), temporality: temporality(sum.aggregationTemporality), isMonotonic: sum.isMonotonic)
        case .histogram(let histogram)?: data = .histogram(histogram.dataPoints.map(histogramPoint), temporality: temporality(histogram.aggregationTemporality))
        case .exponentialHistogram(let histogram)?:
            data = .exponentialHistogram(histogram.dataPoints.map(exponential), temporality: temporality(histogram.aggregationTemporality))
        case .summary(let summary)?: data = .summary(summary.dataPoints.map(summaryPoint))
        case nil: data = .none
        }
        return MetricRecord(name: metric.name, description: metric.description_p, unit: metric.unit, data: data)
    }

    static func number(_ point: ProtoNumberPoint) -> NumberPoint {
        let value: NumberValue
        switch point.value {
        case .asInt(let int)?: value = .int(int)
        case .asDouble(let double)?: value = .double(double)
        case nil: value = .int(0)
        }
        return NumberPoint(attributes: OracleMapping.attributes(point.attributes), startTimeUnixNano: point.startTimeUnixNano,
                           timeUnixNano: point.timeUnixNano, value: value, flags: point.flags)
    }

    static func histogramPoint(_ point: ProtoHistogramPoint) -> HistogramPoint {
        var result = HistogramPoint()
        result.attributes = OracleMapping.attributes(point.attributes)
        result.startTimeUnixNano = point.startTimeUnixNano
        result.timeUnixNano = point.timeUnixNano
        result.count = point.count
        result.sum = point.hasSum ? point.sum : nil
        result.bucketCounts = point.bucketCounts
        result.explicitBounds = point.explicitBounds
        result.min = point.hasMin ? point.min : nil
        result.max = point.hasMax ? point.max : nil
        result.flags = point.flags
        return result
    }

    static func exponential(_ point: ProtoExponentialPoint) -> ExponentialHistogramPoint {
        var result = ExponentialHistogramPoint()
        result.attributes = OracleMapping.attributes(point.attributes)
        result.startTimeUnixNano = point.startTimeUnixNano
        result.timeUnixNano = point.timeUnixNano
        result.count = point.count
        result.sum = point.hasSum ? point.sum : nil
        result.scale = point.scale
        result.zeroCount = point.zeroCount
        result.positive = ExponentialBuckets(offset: point.positive.offset, bucketCounts: point.positive.bucketCounts)
        result.negative = ExponentialBuckets(offset: point.negative.offset, bucketCounts: point.negative.bucketCounts)
        result.flags = point.flags
        result.min = point.hasMin ? point.min : nil
        result.max = point.hasMax ? point.max : nil
        result.zeroThreshold = point.zeroThreshold
        return result
    }

    static func summaryPoint(_ point: ProtoSummaryPoint) -> SummaryPoint {
        var result = SummaryPoint()
        result.attributes = OracleMapping.attributes(point.attributes)
        result.startTimeUnixNano = point.startTimeUnixNano
        result.timeUnixNano = point.timeUnixNano
        result.count = point.count
        result.sum = point.sum
        result.quantiles = point.quantileValues.map { QuantileValue(quantile: $0.quantile, value: $0.value) }
        result.flags = point.flags
        return result
    }
}
