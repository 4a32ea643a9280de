import Foundation
import OTLPProto
import SwiftProtobuf

typealias ProtoTraceRequest = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
typealias ProtoTraceResponse = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse
typealias ProtoSpan = Opentelemetry_Proto_Trace_V1_Span
typealias ProtoKeyValue = Opentelemetry_Proto_Common_V1_KeyValue
typealias ProtoAnyValue = Opentelemetry_Proto_Common_V1_AnyValue
/// `google.rpc.Status` is not among the generated types; `ExportTracePartialSuccess` has the same
/// wire shape (field 1 varint, field 2 string), so it decodes a Status body exactly.
typealias ProtoStatusShape = Opentelemetry_Proto_Collector_Trace_V1_ExportTracePartialSuccess

/// Request bodies built with the generated OTLP types.
enum OTLPFixtures {
    static let contentTypeProtobuf = ("Content-Type", "application/x-protobuf")
    static let contentTypeJSON = ("Content-Type", "application/json")

    /// A 16-byte trace id whose low half is `number` (never all zero).
    static func traceID(_ number: UInt64) -> [UInt8] {
        bigEndian(0x0102_0304_0506_0708) + bigEndian(number)
    }

    static func spanID(_ number: UInt64) -> [UInt8] { bigEndian(number) }

    static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64(56 - $0 * 8)) }
    }

    static func string(_ key: String, _ value: String) -> ProtoKeyValue {
        keyValue(key) { $0.stringValue = value }
    }

    static func keyValue(_ key: String, _ set: (inout ProtoAnyValue) -> Void) -> ProtoKeyValue {
        var attribute = ProtoKeyValue()
        attribute.key = key
        var value = ProtoAnyValue()
        set(&value)
        attribute.value = value
        return attribute
    }

    static func span(trace: UInt64, id: UInt64, parent: UInt64? = nil, name: String = "chat",
                     start: UInt64 = 1_700_000_000_000_000_000, durationNanos: UInt64 = 250_000_000,
                     attributes: [ProtoKeyValue] = []) -> ProtoSpan {
        var span = ProtoSpan()
        span.traceID = Data(traceID(trace))
        span.spanID = Data(spanID(id))
        if let parent { span.parentSpanID = Data(spanID(parent)) }
        span.name = name
        span.kind = .client
        span.startTimeUnixNano = start
        span.endTimeUnixNano = start + durationNanos
        span.attributes = attributes
        return span
    }

    static func traceRequest(_ spans: [ProtoSpan], service: String = "checkout",
                             resourceAttributes: [ProtoKeyValue] = []) -> ProtoTraceRequest {
        var resourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans()
        resourceSpans.resource.attributes = [string("service.name", service)] + resourceAttributes
        var scopeSpans = Opentelemetry_Proto_Trace_V1_ScopeSpans()
        scopeSpans.scope.name = "govtop.tests"
        scopeSpans.scope.version = "1.2.3"
        scopeSpans.spans = spans
        resourceSpans.scopeSpans = [scopeSpans]
        var request = ProtoTraceRequest()
        request.resourceSpans = [resourceSpans]
        return request
    }

    /// `count` root spans of distinct traces numbered from `firstTrace`, as protobuf bytes.
    static func traceBody(spans count: Int, firstTrace: UInt64 = 1, service: String = "checkout") -> [UInt8] {
        let spans = (0..<UInt64(count)).map { span(trace: firstTrace + $0, id: firstTrace + $0 + 1000) }
        return bytes(traceRequest(spans, service: service))
    }

    static func bytes(_ message: some SwiftProtobuf.Message) -> [UInt8] {
        (try? message.serializedBytes()) ?? []
    }

    /// An ExportMetricsServiceRequest with one gauge and one sum metric, `points` points in all.
    static func metricsBody(points: Int) -> [UInt8] {
        var gauge = Opentelemetry_Proto_Metrics_V1_Metric()
        gauge.name = "queue.depth"
        gauge.gauge.dataPoints = (0..<(points / 2)).map { index in
            var point = Opentelemetry_Proto_Metrics_V1_NumberDataPoint()
            point.asInt = Int64(index)
            return point
        }
        var sum = Opentelemetry_Proto_Metrics_V1_Metric()
        sum.name = "requests"
        sum.sum.dataPoints = (0..<(points - points / 2)).map { index in
            var point = Opentelemetry_Proto_Metrics_V1_NumberDataPoint()
            point.asDouble = Double(index)
            return point
        }
        var scope = Opentelemetry_Proto_Metrics_V1_ScopeMetrics()
        scope.metrics = [gauge, sum]
        var resource = Opentelemetry_Proto_Metrics_V1_ResourceMetrics()
        resource.scopeMetrics = [scope]
        var request = Opentelemetry_Proto_Collector_Metrics_V1_ExportMetricsServiceRequest()
        request.resourceMetrics = [resource]
        return bytes(request)
    }

    static func logsBody(records: Int) -> [UInt8] {
        var scope = Opentelemetry_Proto_Logs_V1_ScopeLogs()
        scope.logRecords = (0..<records).map { index in
            var record = Opentelemetry_Proto_Logs_V1_LogRecord()
            record.body.stringValue = "line \(index)"
            return record
        }
        var resource = Opentelemetry_Proto_Logs_V1_ResourceLogs()
        resource.scopeLogs = [scope]
        var request = Opentelemetry_Proto_Collector_Logs_V1_ExportLogsServiceRequest()
        request.resourceLogs = [resource]
        return bytes(request)
    }
}
