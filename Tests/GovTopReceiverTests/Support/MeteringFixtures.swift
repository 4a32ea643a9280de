import Foundation
import GovTopCore
import OTLPProto

typealias ProtoMetric = Opentelemetry_Proto_Metrics_V1_Metric
typealias ProtoMetricsRequest = Opentelemetry_Proto_Collector_Metrics_V1_ExportMetricsServiceRequest
typealias ProtoLogsRequest = Opentelemetry_Proto_Collector_Logs_V1_ExportLogsServiceRequest

/// Metrics requests shaped as the GenAI instrumentations send them.
enum MeteringFixtures {
    static let now: UInt64 = 1_700_000_000_000_000_000

    /// `gen_ai.client.token.usage` histogram points (input and output sums) for one model.
    static func tokenUsage(model: String, input: Double, output: Double, temporality: Opentelemetry_Proto_Metrics_V1_AggregationTemporality = .delta,
                           start: UInt64 = now + 1, time: UInt64 = now + 2) -> ProtoMetric {
        var metric = ProtoMetric()
        metric.name = "gen_ai.client.token.usage"
        metric.unit = "{token}"
        metric.histogram.aggregationTemporality = temporality
        metric.histogram.dataPoints = [("input", input), ("output", output)].map { type, sum in
            var point = Opentelemetry_Proto_Metrics_V1_HistogramDataPoint()
            point.attributes = [OTLPFixtures.string("gen_ai.token.type", type), OTLPFixtures.string("gen_ai.request.model", model),
                                OTLPFixtures.string("gen_ai.provider.name", "openai"), OTLPFixtures.string("gen_ai.operation.name", "chat")]
            point.startTimeUnixNano = start
            point.timeUnixNano = time
            point.count = 1
            point.sum = sum
            return point
        }
        return metric
    }

    /// OpenLIT's `gen_ai.usage.cost` histogram (USD) for one model.
    static func cost(model: String, usd: Double) -> ProtoMetric {
        var metric = ProtoMetric()
        metric.name = "gen_ai.usage.cost"
        metric.unit = "USD"
        metric.histogram.aggregationTemporality = .delta
        var point = Opentelemetry_Proto_Metrics_V1_HistogramDataPoint()
        point.attributes = [OTLPFixtures.string("gen_ai.request.model", model), OTLPFixtures.string("gen_ai.system", "openai")]
        point.startTimeUnixNano = now + 1
        point.timeUnixNano = now + 2
        point.count = 1
        point.sum = usd
        metric.histogram.dataPoints = [point]
        return metric
    }

    static func request(_ metrics: [ProtoMetric], service: String = "checkout", team: String? = "ml") -> [UInt8] {
        var resourceMetrics = Opentelemetry_Proto_Metrics_V1_ResourceMetrics()
        resourceMetrics.resource.attributes = [OTLPFixtures.string("service.name", service)]
            + (team.map { [OTLPFixtures.string("genops.team", $0)] } ?? [])
        var scopeMetrics = Opentelemetry_Proto_Metrics_V1_ScopeMetrics()
        scopeMetrics.scope.name = "opentelemetry.instrumentation.openai_v2"
        scopeMetrics.metrics = metrics
        resourceMetrics.scopeMetrics = [scopeMetrics]
        var request = ProtoMetricsRequest()
        request.resourceMetrics = [resourceMetrics]
        return OTLPFixtures.bytes(request)
    }

    /// A chat span with tokens, for team `ml`.
    static func chatSpan(trace: UInt64, model: String, input: Int64, output: Int64) -> ProtoSpan {
        OTLPFixtures.span(trace: trace, id: trace, attributes: [
            OTLPFixtures.string("gen_ai.request.model", model), OTLPFixtures.string("gen_ai.provider.name", "openai"),
            OTLPFixtures.keyValue("gen_ai.usage.input_tokens") { $0.intValue = input },
            OTLPFixtures.keyValue("gen_ai.usage.output_tokens") { $0.intValue = output },
        ])
    }
}
