/// Decodes one `ExportMetricsServiceRequest` into a `MetricBatch` straight from the wire, with
/// the trace decoder's rules: every allocation charged to the request's allowance first (arrays
/// reserved from a first count of their fields), `AnyValue` nesting bounded, strings checked as
/// UTF-8, a known field with the wrong wire type rejected with its name. Resources and scopes are
/// read by `ProtoEnvelopeReader`, attributes by the trace decoder's own code (`values`). Exemplars and metadata are
/// skipped (their framing is still checked). Field numbers follow opentelemetry-proto
/// `metrics.proto`.
struct MetricsRequestDecoder {
    let values: TraceRequestDecoder
    var allowance: DecodeAllowance { values.allowance }

    init(maxValueDepth: Int, allowance: DecodeAllowance) {
        values = TraceRequestDecoder(maxValueDepth: maxValueDepth, keys: WellKnownKeys.shared, allowance: allowance)
    }

    /// What the engine allocates per point beyond the decoded point (stream key and lookup).
    static let pointPreparation = 128

    func decodeRequest(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> MetricBatch {
        try ProtoEnvelopeReader<MetricsEnvelope>(values: values).decodeRequest(&reader) { (message: inout ProtoReader) throws(OTLPDecodeError) in
            try decodeMetric(&message)
        }
    }

    /// `data` is a oneof: a later member replaces an earlier one, the same member twice merges.
    private func decodeMetric(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> MetricRecord {
        var metric = MetricRecord()
        while let tag = try reader.nextTag() {
            let data: MetricData
            switch tag.number {
            case 1:
                metric.name = try reader.readKey(tag, keys: values.keys, cache: values.cache)
                continue
            case 2:
                metric.description = try reader.readString(tag, cache: values.cache)
                continue
            case 3:
                metric.unit = try reader.readString(tag, cache: values.cache)
                continue
            case 5:
                var message = try reader.readMessage(tag, as: .dataPointContainer)
                data = .gauge(try decodeContainer(&message) { (point: inout ProtoReader) throws(OTLPDecodeError) in try decodeNumberPoint(&point) }.points)
            case 7:
                var message = try reader.readMessage(tag, as: .dataPointContainer)
                let container = try decodeContainer(&message) { (point: inout ProtoReader) throws(OTLPDecodeError) in try decodeNumberPoint(&point) }
                data = .sum(container.points, temporality: container.temporality, isMonotonic: container.isMonotonic)
            case 9:
                var message = try reader.readMessage(tag, as: .dataPointContainer)
                let container = try decodeContainer(&message) { (point: inout ProtoReader) throws(OTLPDecodeError) in try decodeHistogramPoint(&point) }
                data = .histogram(container.points, temporality: container.temporality)
            case 10:
                var message = try reader.readMessage(tag, as: .dataPointContainer)
                let container = try decodeContainer(&message) { (point: inout ProtoReader) throws(OTLPDecodeError) in try decodeExponentialPoint(&point) }
                data = .exponentialHistogram(container.points, temporality: container.temporality)
            case 11:
                var message = try reader.readMessage(tag, as: .dataPointContainer)
                data = .summary(try decodeContainer(&message) { (point: inout ProtoReader) throws(OTLPDecodeError) in try decodeSummaryPoint(&point) }.points)
            default:
                try reader.skip(tag)
                continue
            }
            metric.data = metric.data.isSameKind(as: data) ? metric.data.merged(with: data) : data
        }
        return metric
    }

    /// The fields every point container shares: the points (field 1), the temporality (2) and,
    /// for sums, monotonicity (3).
    private struct Container<Point> {
        var points: [Point] = []
        var temporality = AggregationTemporality.unspecified
        var isMonotonic = false
    }

    private func decodeContainer<Point>(
        _ reader: inout ProtoReader, _ decodePoint: (inout ProtoReader) throws(OTLPDecodeError) -> Point
    ) throws(OTLPDecodeError) -> Container<Point> {
        var container = Container<Point>()
        let count = reader.fieldCount(1)
        try allowance.charge(count &* Self.pointPreparation)
        try allowance.reserve(count, in: &container.points)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1:
                var point = try reader.readMessage(tag, as: .dataPoint)
                container.points.append(try decodePoint(&point))
            case 2: container.temporality = AggregationTemporality(wire: Self.enumValue(try reader.readVarint(tag)))
            case 3: container.isMonotonic = try reader.readVarint(tag) != 0
            default: try reader.skip(tag)
            }
        }
        return container
    }

    /// Protobuf enums are int32 on the wire; negative values arrive sign-extended to 64 bits.
    static func enumValue(_ varint: UInt64) -> Int {
        Int(Int32(truncatingIfNeeded: varint))
    }
}
