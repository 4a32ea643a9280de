/// Counts metric data points and log records in OTLP/JSON export requests.
///
/// Only the path down to the counted items is decoded with types checked; everything else
/// (resources, scopes, the content of each data point or record) is validated as JSON and skipped.
enum OTLPJSONCounting {
    private enum Field: Sendable {
        case resourceMetrics, scopeMetrics, metrics, pointHolder, dataPoints
        case resourceLogs, scopeLogs, logRecords
    }

    private static let metricsRequest = JSONFieldTable<Field>(["resourceMetrics": .resourceMetrics])
    private static let resourceMetrics = JSONFieldTable<Field>(["scopeMetrics": .scopeMetrics])
    private static let scopeMetrics = JSONFieldTable<Field>(["metrics": .metrics])
    private static let metric = JSONFieldTable<Field>([
        "gauge": .pointHolder, "sum": .pointHolder, "histogram": .pointHolder,
        "exponentialHistogram": .pointHolder, "summary": .pointHolder,
    ])
    private static let pointHolder = JSONFieldTable<Field>(["dataPoints": .dataPoints])

    private static let logsRequest = JSONFieldTable<Field>(["resourceLogs": .resourceLogs])
    private static let resourceLogs = JSONFieldTable<Field>(["scopeLogs": .scopeLogs])
    private static let scopeLogs = JSONFieldTable<Field>(["logRecords": .logRecords])

    /// One level of the path to the counted items: the message, its table, and the array field
    /// that leads one level down.
    private struct Level {
        var message: String
        var table: JSONFieldTable<Field>
        var arrayField: String?
    }

    static func countMetricDataPoints(_ reader: inout JSONReader) throws(OTLPDecodeError) -> Int {
        try count(&reader, path: [
            Level(message: "ExportMetricsServiceRequest", table: metricsRequest, arrayField: "resourceMetrics"),
            Level(message: "ResourceMetrics", table: resourceMetrics, arrayField: "scopeMetrics"),
            Level(message: "ScopeMetrics", table: scopeMetrics, arrayField: "metrics"),
            Level(message: "Metric", table: metric, arrayField: nil),
            Level(message: "the metric's data", table: pointHolder, arrayField: "dataPoints"),
        ], item: "data point")
    }

    static func countLogRecords(_ reader: inout JSONReader) throws(OTLPDecodeError) -> Int {
        try count(&reader, path: [
            Level(message: "ExportLogsServiceRequest", table: logsRequest, arrayField: "resourceLogs"),
            Level(message: "ResourceLogs", table: resourceLogs, arrayField: "scopeLogs"),
            Level(message: "ScopeLogs", table: scopeLogs, arrayField: "logRecords"),
        ], item: "log record")
    }

    private static func count(_ reader: inout JSONReader, path: [Level], item: String) throws(OTLPDecodeError) -> Int {
        let kind = try reader.peekKind()
        guard kind == .object else {
            throw reader.error("OTLP/JSON payload must be a JSON object, found \(kind.article)")
        }
        let total = try countObject(&reader, path: path[...], item: item)
        try reader.finish()
        return total
    }

    /// The path is at most five levels long, so this recursion is shallow and fixed.
    private static func countObject(_ reader: inout JSONReader, path: ArraySlice<Level>, item: String) throws(OTLPDecodeError) -> Int {
        guard let level = path.first else { return 0 }
        var total = 0
        try reader.readObject(level.message, table: level.table) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            guard let arrayField = level.arrayField else {
                total += try countObject(&reader, path: path.dropFirst(), item: item)
                return
            }
            let rest = path.dropFirst()
            try reader.readArray(arrayField, of: level.message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
                if rest.isEmpty {
                    let kind = try reader.peekKind()
                    guard kind == .object else {
                        throw reader.error("each \(item) in '\(arrayField)' must be a JSON object, found \(kind.article)")
                    }
                    try reader.skipValue()
                    total += 1
                } else {
                    total += try countObject(&reader, path: rest, item: item)
                }
            }
        }
        return total
    }
}
