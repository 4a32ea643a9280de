/// The protobuf wire types (the low three bits of a field tag).
enum ProtoWireType: UInt8 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5

    var name: String {
        switch self {
        case .varint: "varint"
        case .fixed64: "fixed64"
        case .lengthDelimited: "length-delimited"
        case .startGroup: "start-group"
        case .endGroup: "end-group"
        case .fixed32: "fixed32"
        }
    }
}

/// A decoded field tag, plus where it started (for error messages).
struct ProtoFieldTag {
    var number: Int
    var wireType: ProtoWireType
    /// Offset of the tag's first byte from the start of the payload.
    var offset: Int
}

/// The OTLP messages the decoder walks, named in error messages.
enum ProtoMessageKind: UInt8 {
    case traceRequest, resourceSpans, resource, scopeSpans, scope, span, event, link, status
    case keyValue, anyValue, arrayValue, keyValueList
    case metricsRequest, resourceMetrics, scopeMetrics, metric, dataPointContainer, dataPoint
    case logsRequest, resourceLogs, scopeLogs, logRecord
    case buckets, quantile

    var name: String {
        switch self {
        case .traceRequest: "ExportTraceServiceRequest"
        case .resourceSpans: "ResourceSpans"
        case .resource: "Resource"
        case .scopeSpans: "ScopeSpans"
        case .scope: "InstrumentationScope"
        case .span: "Span"
        case .event: "Span.Event"
        case .link: "Span.Link"
        case .status: "Status"
        case .keyValue: "KeyValue"
        case .anyValue: "AnyValue"
        case .arrayValue: "ArrayValue"
        case .keyValueList: "KeyValueList"
        case .metricsRequest: "ExportMetricsServiceRequest"
        case .resourceMetrics: "ResourceMetrics"
        case .scopeMetrics: "ScopeMetrics"
        case .metric: "Metric"
        case .dataPointContainer: "Gauge/Sum/Histogram/ExponentialHistogram/Summary"
        case .dataPoint: "data point"
        case .logsRequest: "ExportLogsServiceRequest"
        case .resourceLogs: "ResourceLogs"
        case .scopeLogs: "ScopeLogs"
        case .logRecord: "LogRecord"
        case .buckets: "ExponentialHistogramDataPoint.Buckets"
        case .quantile: "SummaryDataPoint.ValueAtQuantile"
        }
    }
}
