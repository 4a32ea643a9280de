/// Counts metric data points and log records without building them.
///
/// The walk checks the framing of every message on the way down to the counted items and of
/// the items' own fields; it does not interpret fields that do not affect the count.
enum SignalCounter {
    /// `Metric` fields that hold data points: gauge, sum, histogram, exponential histogram, summary.
    private static let dataFields: Set<Int> = [5, 7, 9, 10, 11]

    static func countMetricDataPoints(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> Int {
        var total = 0
        try reader.forEachMessage(field: 1, as: .resourceMetrics) { resourceMetrics throws(OTLPDecodeError) in
            try resourceMetrics.forEachMessage(field: 2, as: .scopeMetrics) { scopeMetrics throws(OTLPDecodeError) in
                try scopeMetrics.forEachMessage(field: 2, as: .metric) { metric throws(OTLPDecodeError) in
                    total += try countDataPoints(inMetric: &metric)
                }
            }
        }
        return total
    }

    static func countLogRecords(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> Int {
        var total = 0
        try reader.forEachMessage(field: 1, as: .resourceLogs) { resourceLogs throws(OTLPDecodeError) in
            try resourceLogs.forEachMessage(field: 2, as: .scopeLogs) { scopeLogs throws(OTLPDecodeError) in
                try scopeLogs.forEachMessage(field: 2, as: .logRecord) { record throws(OTLPDecodeError) in
                    try record.skipRemainingFields()
                    total += 1
                }
            }
        }
        return total
    }

    /// `data` is a oneof: a later member replaces an earlier one, the same member twice merges
    /// (so its data points add up), exactly as a protobuf decoder would leave the message.
    private static func countDataPoints(inMetric metric: inout ProtoReader) throws(OTLPDecodeError) -> Int {
        var dataField = 0
        var points = 0
        while let tag = try metric.nextTag() {
            guard dataFields.contains(tag.number) else {
                try metric.skip(tag)
                continue
            }
            var container = try metric.readMessage(tag, as: .dataPointContainer)
            var count = 0
            try container.forEachMessage(field: 1, as: .dataPoint) { point throws(OTLPDecodeError) in
                try point.skipRemainingFields()
                count += 1
            }
            if tag.number == dataField {
                points += count
            } else {
                dataField = tag.number
                points = count
            }
        }
        return points
    }
}
