/// Decodes the metrics of an OTLP/JSON `ExportMetricsServiceRequest` (`OTLPJSONEnvelope` reads the
/// resources and scopes around them), with the trace decoder's rules (a key given twice concatenates repeated fields, the last value wins for
/// others; unknown keys skipped; everything charged to `allowance` first). Exemplars and
/// metadata are skipped.
enum OTLPJSONMetrics {
    /// One `Metric` object (the item decoder of `OTLPJSONEnvelope<MetricsEnvelope>`).
    static func metric(_ reader: inout JSONReader, _ values: inout OTLPJSONValues) throws(OTLPDecodeError) -> MetricRecord {
        let allowance = values.allowance
        var metric = MetricRecord()
        try reader.readObject("Metric", table: Tables.metric) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            let data: MetricData
            switch field {
            case .name:
                metric.name = try reader.readStringField("name", of: "Metric", allowance: allowance)
                return
            case .description:
                metric.description = try reader.readStringField("description", of: "Metric", allowance: allowance)
                return
            case .unit:
                metric.unit = try reader.readStringField("unit", of: "Metric", allowance: allowance)
                return
            case .gauge:
                data = .gauge(try container(&reader, &values, "Gauge") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in
                    try values.numberPoint(&reader)
                }.points)
            case .sum:
                let sum = try container(&reader, &values, "Sum") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in try values.numberPoint(&reader) }
                data = .sum(sum.points, temporality: sum.temporality, isMonotonic: sum.isMonotonic)
            case .histogram:
                let histogram = try container(&reader, &values, "Histogram") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in
                    try values.histogramPoint(&reader)
                }
                data = .histogram(histogram.points, temporality: histogram.temporality)
            case .exponentialHistogram:
                let histogram = try container(&reader, &values, "ExponentialHistogram") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in
                    try values.exponentialPoint(&reader)
                }
                data = .exponentialHistogram(histogram.points, temporality: histogram.temporality)
            case .summary:
                data = .summary(try container(&reader, &values, "Summary") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in
                    try values.summaryPoint(&reader)
                }.points)
            }
            metric.data = metric.data.isSameKind(as: data) ? metric.data.merged(with: data) : data
        }
        return metric
    }

    private struct Container<Point> {
        var points: [Point] = []
        var temporality = AggregationTemporality.unspecified
        var isMonotonic = false
    }

    private static func container<Point>(
        _ reader: inout JSONReader, _ values: inout OTLPJSONValues, _ message: String,
        _ point: (inout JSONReader, inout OTLPJSONValues) throws(OTLPDecodeError) -> Point
    ) throws(OTLPDecodeError) -> Container<Point> {
        let allowance = values.allowance
        var result = Container<Point>()
        try reader.readObject(message, table: Tables.container) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .dataPoints:
                try reader.readArray("dataPoints", of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.charge(MetricsRequestDecoder.pointPreparation)
                    try allowance.append(try point(&reader, &values), to: &result.points)
                }
            case .temporality:
                result.temporality = AggregationTemporality(wire: try reader.readEnumField(
                    "aggregationTemporality", of: message, names: Tables.temporalityNames))
            case .isMonotonic: result.isMonotonic = try reader.readBoolField("isMonotonic", of: message)
            }
        }
        return result
    }
}
