/// Reads metered usage out of decoded metrics: which metrics meter, which points are input or
/// output tokens, and the facts each point is attributed to. Pure; the stream table (which turns
/// cumulative readings into deltas) is the caller's.
public enum MeteringReader {
    /// OpenTelemetry GenAI semantic conventions: a histogram of tokens per request, by `gen_ai.token.type`.
    public static let tokenUsageMetric = "gen_ai.client.token.usage"
    /// OpenLIT: a histogram of request costs in USD.
    public static let costMetric = "gen_ai.usage.cost"

    /// What a metered reading measures.
    public enum Measure: Sendable, Hashable {
        case inputTokens, outputTokens, costUSD
    }

    /// One point of a metering metric, before its stream turned it into a delta.
    public struct Reading: Sendable {
        public var key: MetricStreamKey
        public var reading: StreamReading
        public var temporality: AggregationTemporality
        public var isMonotonic: Bool
        public var measure: Measure
        public var facts: GovernanceFacts
    }

    /// The metering readings of one resource's metrics, and whether the resource reports its cost
    /// (then its tokens are not priced again).
    public static func readings(of resourceMetrics: ResourceMetrics) -> (readings: [Reading], reportsCost: Bool) {
        let resource = resourceMetrics.resource
        let resourceFacts = FactValues(resource.attributes)
        let service = resource.serviceName
        var readings: [Reading] = []
        var reportsCost = false
        for scope in resourceMetrics.scopeMetrics {
            for metric in scope.metrics where metric.name == tokenUsageMetric || metric.name == costMetric {
                let isCost = metric.name == costMetric
                reportsCost = reportsCost || isCost
                for point in points(of: metric.data) {
                    guard let measure = isCost ? .costUSD : tokenMeasure(point.attributes) else { continue }
                    readings.append(Reading(
                        key: MetricStreamKey(resource: resource.attributes, scope: scope.scope, metric: metric.name, attributes: point.attributes),
                        reading: point.reading, temporality: point.temporality, isMonotonic: point.isMonotonic,
                        measure: measure, facts: facts(point.attributes, resource: resourceFacts, service: service)))
                }
            }
        }
        return (readings, reportsCost)
    }

    /// `gen_ai.token.type`: `input` or `output` (and the older `prompt`/`completion`).
    static func tokenMeasure(_ attributes: [Attribute]) -> Measure? {
        switch attributes[key: "gen_ai.token.type"]?.string?.lowercased() {
        case "input", "prompt": .inputTokens
        case "output", "completion": .outputTokens
        default: nil
        }
    }

    /// Model, provider and operation from the point's attributes; attribution from the point's,
    /// else the resource's (`genops.*`); the service from the resource.
    /// A value longer than a group key may be is left out, as on spans (`Normalizer.groupFacts`).
    static func facts(_ attributes: [Attribute], resource: FactValues, service: String) -> GovernanceFacts {
        GovernanceFacts { facts in
            var rejected: [String] = []
            Normalizer.groupFacts(own: FactValues(attributes), resource: resource, service: service, into: &facts, rejected: &rejected)
        }
    }

    /// A point reduced to what metering needs: its sum (and count) with the stream's temporality.
    struct PointReading {
        var attributes: [Attribute]
        var reading: StreamReading
        var temporality: AggregationTemporality
        var isMonotonic: Bool
    }

    /// Sums and histograms meter (a histogram by its sum); gauges and summaries do not add up
    /// across requests in a way govtop can use.
    static func points(of data: MetricData) -> [PointReading] {
        switch data {
        case .sum(let points, let temporality, let isMonotonic):
            return points.map {
                PointReading(attributes: $0.attributes, reading: StreamReading(startTimeUnixNano: $0.startTimeUnixNano, timeUnixNano: $0.timeUnixNano, value: $0.value.asDouble),
                             temporality: temporality, isMonotonic: isMonotonic)
            }
        case .histogram(let points, let temporality):
            return points.compactMap { point in
                point.sum.map {
                    PointReading(attributes: point.attributes, reading: StreamReading(startTimeUnixNano: point.startTimeUnixNano, timeUnixNano: point.timeUnixNano, value: $0, count: point.count),
                                 temporality: temporality, isMonotonic: true)
                }
            }
        case .exponentialHistogram(let points, let temporality):
            return points.compactMap { point in
                point.sum.map {
                    PointReading(attributes: point.attributes, reading: StreamReading(startTimeUnixNano: point.startTimeUnixNano, timeUnixNano: point.timeUnixNano, value: $0, count: point.count),
                                 temporality: temporality, isMonotonic: true)
                }
            }
        case .gauge, .summary, .none:
            return []
        }
    }
}
