// The OTLP messages of opentelemetry-proto 1.45.2 (the version Sources/OTLPProto was generated
// from), as field tables for `OTLPProtobufTranscoder`: written from the package's descriptors
// (`opentelemetry.proto.collector.*_service_pb2`), fields in declaration order. `traceId`,
// `spanId` and `parentSpanId` are `.id`: OTLP/JSON writes them as hex, not base64.

/// An OTLP message the transcoder knows, by its proto name.
public enum OTLPMessage: Sendable, Hashable {
    case exportMetricsServiceRequest, resourceMetrics, resource, keyValue, anyValue, arrayValue, keyValueList, entityRef, scopeMetrics, instrumentationScope, metric, gauge, numberDataPoint, exemplar, sum, histogram, histogramDataPoint, exponentialHistogram, exponentialHistogramDataPoint, exponentialHistogramDataPointBuckets, summary, summaryDataPoint, summaryDataPointValueAtQuantile, exportLogsServiceRequest, resourceLogs, scopeLogs, logRecord, exportTraceServiceRequest, resourceSpans, scopeSpans, span, spanEvent, spanLink, status

    /// The message's fields, in declaration order.
    var fields: [OTLPField] {
        switch self {
        case .exportMetricsServiceRequest: Self.exportMetricsServiceRequestFields
        case .resourceMetrics: Self.resourceMetricsFields
        case .resource: Self.resourceFields
        case .keyValue: Self.keyValueFields
        case .anyValue: Self.anyValueFields
        case .arrayValue: Self.arrayValueFields
        case .keyValueList: Self.keyValueListFields
        case .entityRef: Self.entityRefFields
        case .scopeMetrics: Self.scopeMetricsFields
        case .instrumentationScope: Self.instrumentationScopeFields
        case .metric: Self.metricFields
        case .gauge: Self.gaugeFields
        case .numberDataPoint: Self.numberDataPointFields
        case .exemplar: Self.exemplarFields
        case .sum: Self.sumFields
        case .histogram: Self.histogramFields
        case .histogramDataPoint: Self.histogramDataPointFields
        case .exponentialHistogram: Self.exponentialHistogramFields
        case .exponentialHistogramDataPoint: Self.exponentialHistogramDataPointFields
        case .exponentialHistogramDataPointBuckets: Self.exponentialHistogramDataPointBucketsFields
        case .summary: Self.summaryFields
        case .summaryDataPoint: Self.summaryDataPointFields
        case .summaryDataPointValueAtQuantile: Self.summaryDataPointValueAtQuantileFields
        case .exportLogsServiceRequest: Self.exportLogsServiceRequestFields
        case .resourceLogs: Self.resourceLogsFields
        case .scopeLogs: Self.scopeLogsFields
        case .logRecord: Self.logRecordFields
        case .exportTraceServiceRequest: Self.exportTraceServiceRequestFields
        case .resourceSpans: Self.resourceSpansFields
        case .scopeSpans: Self.scopeSpansFields
        case .span: Self.spanFields
        case .spanEvent: Self.spanEventFields
        case .spanLink: Self.spanLinkFields
        case .status: Self.statusFields
        }
    }

    // opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest
    private static let exportMetricsServiceRequestFields: [OTLPField] = [
        OTLPField(1, "resourceMetrics", .message(.resourceMetrics), repeated: true),
    ]
    // opentelemetry.proto.metrics.v1.ResourceMetrics
    private static let resourceMetricsFields: [OTLPField] = [
        OTLPField(1, "resource", .message(.resource)),
        OTLPField(2, "scopeMetrics", .message(.scopeMetrics), repeated: true),
        OTLPField(3, "schemaUrl", .string),
    ]
    // opentelemetry.proto.resource.v1.Resource
    private static let resourceFields: [OTLPField] = [
        OTLPField(1, "attributes", .message(.keyValue), repeated: true),
        OTLPField(2, "droppedAttributesCount", .uint32),
        OTLPField(3, "entityRefs", .message(.entityRef), repeated: true),
    ]
    // opentelemetry.proto.common.v1.KeyValue
    private static let keyValueFields: [OTLPField] = [
        OTLPField(1, "key", .string),
        OTLPField(2, "value", .message(.anyValue)),
        OTLPField(3, "keyStrindex", .int32),
    ]
    // opentelemetry.proto.common.v1.AnyValue
    private static let anyValueFields: [OTLPField] = [
        OTLPField(1, "stringValue", .string),
        OTLPField(2, "boolValue", .bool),
        OTLPField(3, "intValue", .int64),
        OTLPField(4, "doubleValue", .double),
        OTLPField(5, "arrayValue", .message(.arrayValue)),
        OTLPField(6, "kvlistValue", .message(.keyValueList)),
        OTLPField(7, "bytesValue", .bytes),
        OTLPField(8, "stringValueStrindex", .int32),
    ]
    // opentelemetry.proto.common.v1.ArrayValue
    private static let arrayValueFields: [OTLPField] = [
        OTLPField(1, "values", .message(.anyValue), repeated: true),
    ]
    // opentelemetry.proto.common.v1.KeyValueList
    private static let keyValueListFields: [OTLPField] = [
        OTLPField(1, "values", .message(.keyValue), repeated: true),
    ]
    // opentelemetry.proto.common.v1.EntityRef
    private static let entityRefFields: [OTLPField] = [
        OTLPField(1, "schemaUrl", .string),
        OTLPField(2, "type", .string),
        OTLPField(3, "idKeys", .string, repeated: true),
        OTLPField(4, "descriptionKeys", .string, repeated: true),
    ]
    // opentelemetry.proto.metrics.v1.ScopeMetrics
    private static let scopeMetricsFields: [OTLPField] = [
        OTLPField(1, "scope", .message(.instrumentationScope)),
        OTLPField(2, "metrics", .message(.metric), repeated: true),
        OTLPField(3, "schemaUrl", .string),
    ]
    // opentelemetry.proto.common.v1.InstrumentationScope
    private static let instrumentationScopeFields: [OTLPField] = [
        OTLPField(1, "name", .string),
        OTLPField(2, "version", .string),
        OTLPField(3, "attributes", .message(.keyValue), repeated: true),
        OTLPField(4, "droppedAttributesCount", .uint32),
    ]
    // opentelemetry.proto.metrics.v1.Metric
    private static let metricFields: [OTLPField] = [
        OTLPField(1, "name", .string),
        OTLPField(2, "description", .string),
        OTLPField(3, "unit", .string),
        OTLPField(5, "gauge", .message(.gauge)),
        OTLPField(7, "sum", .message(.sum)),
        OTLPField(9, "histogram", .message(.histogram)),
        OTLPField(10, "exponentialHistogram", .message(.exponentialHistogram)),
        OTLPField(11, "summary", .message(.summary)),
        OTLPField(12, "metadata", .message(.keyValue), repeated: true),
    ]
    // opentelemetry.proto.metrics.v1.Gauge
    private static let gaugeFields: [OTLPField] = [
        OTLPField(1, "dataPoints", .message(.numberDataPoint), repeated: true),
    ]
    // opentelemetry.proto.metrics.v1.NumberDataPoint
    private static let numberDataPointFields: [OTLPField] = [
        OTLPField(7, "attributes", .message(.keyValue), repeated: true),
        OTLPField(2, "startTimeUnixNano", .fixed64),
        OTLPField(3, "timeUnixNano", .fixed64),
        OTLPField(4, "asDouble", .double),
        OTLPField(6, "asInt", .sfixed64),
        OTLPField(5, "exemplars", .message(.exemplar), repeated: true),
        OTLPField(8, "flags", .uint32),
    ]
    // opentelemetry.proto.metrics.v1.Exemplar
    private static let exemplarFields: [OTLPField] = [
        OTLPField(7, "filteredAttributes", .message(.keyValue), repeated: true),
        OTLPField(2, "timeUnixNano", .fixed64),
        OTLPField(3, "asDouble", .double),
        OTLPField(6, "asInt", .sfixed64),
        OTLPField(4, "spanId", .id),
        OTLPField(5, "traceId", .id),
    ]
    // opentelemetry.proto.metrics.v1.Sum
    private static let sumFields: [OTLPField] = [
        OTLPField(1, "dataPoints", .message(.numberDataPoint), repeated: true),
        OTLPField(2, "aggregationTemporality", .enumeration),
        OTLPField(3, "isMonotonic", .bool),
    ]
    // opentelemetry.proto.metrics.v1.Histogram
    private static let histogramFields: [OTLPField] = [
        OTLPField(1, "dataPoints", .message(.histogramDataPoint), repeated: true),
        OTLPField(2, "aggregationTemporality", .enumeration),
    ]
    // opentelemetry.proto.metrics.v1.HistogramDataPoint
    private static let histogramDataPointFields: [OTLPField] = [
        OTLPField(9, "attributes", .message(.keyValue), repeated: true),
        OTLPField(2, "startTimeUnixNano", .fixed64),
        OTLPField(3, "timeUnixNano", .fixed64),
        OTLPField(4, "count", .fixed64),
        OTLPField(5, "sum", .double),
        OTLPField(6, "bucketCounts", .fixed64, repeated: true),
        OTLPField(7, "explicitBounds", .double, repeated: true),
        OTLPField(8, "exemplars", .message(.exemplar), repeated: true),
        OTLPField(10, "flags", .uint32),
        OTLPField(11, "min", .double),
        OTLPField(12, "max", .double),
    ]
    // opentelemetry.proto.metrics.v1.ExponentialHistogram
    private static let exponentialHistogramFields: [OTLPField] = [
        OTLPField(1, "dataPoints", .message(.exponentialHistogramDataPoint), repeated: true),
        OTLPField(2, "aggregationTemporality", .enumeration),
    ]
    // opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint
    private static let exponentialHistogramDataPointFields: [OTLPField] = [
        OTLPField(1, "attributes", .message(.keyValue), repeated: true),
        OTLPField(2, "startTimeUnixNano", .fixed64),
        OTLPField(3, "timeUnixNano", .fixed64),
        OTLPField(4, "count", .fixed64),
        OTLPField(5, "sum", .double),
        OTLPField(6, "scale", .sint32),
        OTLPField(7, "zeroCount", .fixed64),
        OTLPField(8, "positive", .message(.exponentialHistogramDataPointBuckets)),
        OTLPField(9, "negative", .message(.exponentialHistogramDataPointBuckets)),
        OTLPField(10, "flags", .uint32),
        OTLPField(11, "exemplars", .message(.exemplar), repeated: true),
        OTLPField(12, "min", .double),
        OTLPField(13, "max", .double),
        OTLPField(14, "zeroThreshold", .double),
    ]
    // opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint.Buckets
    private static let exponentialHistogramDataPointBucketsFields: [OTLPField] = [
        OTLPField(1, "offset", .sint32),
        OTLPField(2, "bucketCounts", .uint64, repeated: true),
    ]
    // opentelemetry.proto.metrics.v1.Summary
    private static let summaryFields: [OTLPField] = [
        OTLPField(1, "dataPoints", .message(.summaryDataPoint), repeated: true),
    ]
    // opentelemetry.proto.metrics.v1.SummaryDataPoint
    private static let summaryDataPointFields: [OTLPField] = [
        OTLPField(7, "attributes", .message(.keyValue), repeated: true),
        OTLPField(2, "startTimeUnixNano", .fixed64),
        OTLPField(3, "timeUnixNano", .fixed64),
        OTLPField(4, "count", .fixed64),
        OTLPField(5, "sum", .double),
        OTLPField(6, "quantileValues", .message(.summaryDataPointValueAtQuantile), repeated: true),
        OTLPField(8, "flags", .uint32),
    ]
    // opentelemetry.proto.metrics.v1.SummaryDataPoint.ValueAtQuantile
    private static let summaryDataPointValueAtQuantileFields: [OTLPField] = [
        OTLPField(1, "quantile", .double),
        OTLPField(2, "value", .double),
    ]
    // opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest
    private static let exportLogsServiceRequestFields: [OTLPField] = [
        OTLPField(1, "resourceLogs", .message(.resourceLogs), repeated: true),
    ]
    // opentelemetry.proto.logs.v1.ResourceLogs
    private static let resourceLogsFields: [OTLPField] = [
        OTLPField(1, "resource", .message(.resource)),
        OTLPField(2, "scopeLogs", .message(.scopeLogs), repeated: true),
        OTLPField(3, "schemaUrl", .string),
    ]
    // opentelemetry.proto.logs.v1.ScopeLogs
    private static let scopeLogsFields: [OTLPField] = [
        OTLPField(1, "scope", .message(.instrumentationScope)),
        OTLPField(2, "logRecords", .message(.logRecord), repeated: true),
        OTLPField(3, "schemaUrl", .string),
    ]
    // opentelemetry.proto.logs.v1.LogRecord
    private static let logRecordFields: [OTLPField] = [
        OTLPField(1, "timeUnixNano", .fixed64),
        OTLPField(11, "observedTimeUnixNano", .fixed64),
        OTLPField(2, "severityNumber", .enumeration),
        OTLPField(3, "severityText", .string),
        OTLPField(5, "body", .message(.anyValue)),
        OTLPField(6, "attributes", .message(.keyValue), repeated: true),
        OTLPField(7, "droppedAttributesCount", .uint32),
        OTLPField(8, "flags", .fixed32),
        OTLPField(9, "traceId", .id),
        OTLPField(10, "spanId", .id),
        OTLPField(12, "eventName", .string),
    ]
    // opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest
    private static let exportTraceServiceRequestFields: [OTLPField] = [
        OTLPField(1, "resourceSpans", .message(.resourceSpans), repeated: true),
    ]
    // opentelemetry.proto.trace.v1.ResourceSpans
    private static let resourceSpansFields: [OTLPField] = [
        OTLPField(1, "resource", .message(.resource)),
        OTLPField(2, "scopeSpans", .message(.scopeSpans), repeated: true),
        OTLPField(3, "schemaUrl", .string),
    ]
    // opentelemetry.proto.trace.v1.ScopeSpans
    private static let scopeSpansFields: [OTLPField] = [
        OTLPField(1, "scope", .message(.instrumentationScope)),
        OTLPField(2, "spans", .message(.span), repeated: true),
        OTLPField(3, "schemaUrl", .string),
    ]
    // opentelemetry.proto.trace.v1.Span
    private static let spanFields: [OTLPField] = [
        OTLPField(1, "traceId", .id),
        OTLPField(2, "spanId", .id),
        OTLPField(3, "traceState", .string),
        OTLPField(4, "parentSpanId", .id),
        OTLPField(16, "flags", .fixed32),
        OTLPField(5, "name", .string),
        OTLPField(6, "kind", .enumeration),
        OTLPField(7, "startTimeUnixNano", .fixed64),
        OTLPField(8, "endTimeUnixNano", .fixed64),
        OTLPField(9, "attributes", .message(.keyValue), repeated: true),
        OTLPField(10, "droppedAttributesCount", .uint32),
        OTLPField(11, "events", .message(.spanEvent), repeated: true),
        OTLPField(12, "droppedEventsCount", .uint32),
        OTLPField(13, "links", .message(.spanLink), repeated: true),
        OTLPField(14, "droppedLinksCount", .uint32),
        OTLPField(15, "status", .message(.status)),
    ]
    // opentelemetry.proto.trace.v1.Span.Event
    private static let spanEventFields: [OTLPField] = [
        OTLPField(1, "timeUnixNano", .fixed64),
        OTLPField(2, "name", .string),
        OTLPField(3, "attributes", .message(.keyValue), repeated: true),
        OTLPField(4, "droppedAttributesCount", .uint32),
    ]
    // opentelemetry.proto.trace.v1.Span.Link
    private static let spanLinkFields: [OTLPField] = [
        OTLPField(1, "traceId", .id),
        OTLPField(2, "spanId", .id),
        OTLPField(3, "traceState", .string),
        OTLPField(4, "attributes", .message(.keyValue), repeated: true),
        OTLPField(5, "droppedAttributesCount", .uint32),
        OTLPField(6, "flags", .fixed32),
    ]
    // opentelemetry.proto.trace.v1.Status
    private static let statusFields: [OTLPField] = [
        OTLPField(2, "message", .string),
        OTLPField(3, "code", .enumeration),
    ]
}
