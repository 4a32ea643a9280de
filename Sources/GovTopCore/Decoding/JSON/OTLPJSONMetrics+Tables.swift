extension OTLPJSONMetrics {
    /// The JSON keys of the metric and its points (see `JSONFieldTable` for the accepted spellings;
    /// the envelope's are `MetricsEnvelope.jsonTables`).
    enum Tables {
        enum MetricField: Sendable { case name, description, unit, gauge, sum, histogram, exponentialHistogram, summary }
        static let metric = JSONFieldTable<MetricField>([
            "name": .name, "description": .description, "unit": .unit, "gauge": .gauge, "sum": .sum,
            "histogram": .histogram, "exponentialHistogram": .exponentialHistogram, "summary": .summary,
        ])

        enum ContainerField: Sendable { case dataPoints, temporality, isMonotonic }
        static let container = JSONFieldTable<ContainerField>([
            "dataPoints": .dataPoints, "aggregationTemporality": .temporality, "isMonotonic": .isMonotonic,
        ])

        enum NumberPointField: Sendable { case attributes, start, time, asDouble, asInt, flags }
        static let numberPoint = JSONFieldTable<NumberPointField>([
            "attributes": .attributes, "startTimeUnixNano": .start, "timeUnixNano": .time,
            "asDouble": .asDouble, "asInt": .asInt, "flags": .flags,
        ])

        enum HistogramPointField: Sendable { case attributes, start, time, count, sum, bucketCounts, explicitBounds, min, max, flags }
        static let histogramPoint = JSONFieldTable<HistogramPointField>([
            "attributes": .attributes, "startTimeUnixNano": .start, "timeUnixNano": .time, "count": .count,
            "sum": .sum, "bucketCounts": .bucketCounts, "explicitBounds": .explicitBounds, "min": .min,
            "max": .max, "flags": .flags,
        ])

        enum ExponentialPointField: Sendable {
            case attributes, start, time, count, sum, scale, zeroCount, positive, negative, flags, min, max, zeroThreshold
        }
        static let exponentialPoint = JSONFieldTable<ExponentialPointField>([
            "attributes": .attributes, "startTimeUnixNano": .start, "timeUnixNano": .time, "count": .count,
            "sum": .sum, "scale": .scale, "zeroCount": .zeroCount, "positive": .positive, "negative": .negative,
            "flags": .flags, "min": .min, "max": .max, "zeroThreshold": .zeroThreshold,
        ])

        enum BucketsField: Sendable { case offset, bucketCounts }
        static let buckets = JSONFieldTable<BucketsField>(["offset": .offset, "bucketCounts": .bucketCounts])

        enum SummaryPointField: Sendable { case attributes, start, time, count, sum, quantileValues, flags }
        static let summaryPoint = JSONFieldTable<SummaryPointField>([
            "attributes": .attributes, "startTimeUnixNano": .start, "timeUnixNano": .time, "count": .count,
            "sum": .sum, "quantileValues": .quantileValues, "flags": .flags,
        ])

        enum QuantileField: Sendable { case quantile, value }
        static let quantile = JSONFieldTable<QuantileField>(["quantile": .quantile, "value": .value])

        /// Enum names in wire-number order, as proto3 JSON spells them.
        static let temporalityNames = [
            "AGGREGATION_TEMPORALITY_UNSPECIFIED", "AGGREGATION_TEMPORALITY_DELTA", "AGGREGATION_TEMPORALITY_CUMULATIVE",
        ]
    }
}
