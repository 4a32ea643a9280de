/// Decodes an OTLP/JSON `ExportMetricsServiceRequest` straight into a `MetricBatch`, with the
/// trace decoder's rules (a key given twice concatenates repeated fields, the last value wins for
/// others; unknown keys skipped; everything charged to `allowance` first). Exemplars and
/// metadata are skipped.
struct OTLPJSONMetrics {
    private let allowance: DecodeAllowance
    private var values: OTLPJSONValues

    init(limits: DecodeLimits, allowance: DecodeAllowance) {
        self.allowance = allowance
        values = OTLPJSONValues(limits: limits, allowance: allowance)
    }

    mutating func decode(_ reader: inout JSONReader) throws(OTLPDecodeError) -> MetricBatch {
        var batch = MetricBatch()
        let kind = try reader.peekKind()
        guard kind == .object else {
            throw reader.error("OTLP/JSON payload must be a JSON object, found \(kind.article)")
        }
        try reader.readObject("ExportMetricsServiceRequest", table: Tables.request) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            try reader.readArray("resourceMetrics", of: "ExportMetricsServiceRequest") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                try allowance.append(try resourceMetrics(&reader), to: &batch.resourceMetrics)
            }
        }
        try reader.finish()
        return batch
    }

    private mutating func resourceMetrics(_ reader: inout JSONReader) throws(OTLPDecodeError) -> ResourceMetrics {
        var result = ResourceMetrics()
        try reader.readObject("ResourceMetrics", table: Tables.resourceMetrics) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .resource: result.resource = try values.resource(&reader)
            case .schemaURL: result.schemaURL = try reader.readStringField("schemaUrl", of: "ResourceMetrics", allowance: allowance)
            case .scopeMetrics:
                try reader.readArray("scopeMetrics", of: "ResourceMetrics") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.append(try scopeMetrics(&reader), to: &result.scopeMetrics)
                }
            }
        }
        return result
    }

    private mutating func scopeMetrics(_ reader: inout JSONReader) throws(OTLPDecodeError) -> ScopeMetrics {
        var result = ScopeMetrics()
        try reader.readObject("ScopeMetrics", table: Tables.scopeMetrics) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .scope: result.scope = try values.scope(&reader)
            case .schemaURL: result.schemaURL = try reader.readStringField("schemaUrl", of: "ScopeMetrics", allowance: allowance)
            case .metrics:
                try reader.readArray("metrics", of: "ScopeMetrics") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.append(try metric(&reader), to: &result.metrics)
                }
            }
        }
        return result
    }

    private mutating func metric(_ reader: inout JSONReader) throws(OTLPDecodeError) -> MetricRecord {
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
                data = .gauge(try container(&reader, "Gauge") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in
                    try values.numberPoint(&reader)
                }.points)
            case .sum:
                let sum = try container(&reader, "Sum") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in try values.numberPoint(&reader) }
                data = .sum(sum.points, temporality: sum.temporality, isMonotonic: sum.isMonotonic)
            case .histogram:
                let histogram = try container(&reader, "Histogram") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in
                    try values.histogramPoint(&reader)
                }
                data = .histogram(histogram.points, temporality: histogram.temporality)
            case .exponentialHistogram:
                let histogram = try container(&reader, "ExponentialHistogram") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in
                    try values.exponentialPoint(&reader)
                }
                data = .exponentialHistogram(histogram.points, temporality: histogram.temporality)
            case .summary:
                data = .summary(try container(&reader, "Summary") { (reader: inout JSONReader, values) throws(OTLPDecodeError) in
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

    private mutating func container<Point>(
        _ reader: inout JSONReader, _ message: String,
        _ point: (inout JSONReader, inout OTLPJSONValues) throws(OTLPDecodeError) -> Point
    ) throws(OTLPDecodeError) -> Container<Point> {
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
