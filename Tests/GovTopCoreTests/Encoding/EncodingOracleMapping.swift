import Foundation
import GovTopCore
import OTLPProto

/// Builds, with swift-protobuf's generated types, the `ExportTraceServiceRequest` a `TraceBatch` stands
/// for: the oracle the encoders are checked against. Messages the model cannot tell from empty
/// (resource, scope, status) are set only when they hold something, as the encoders do.
enum EncodingOracleMapping {
    typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest

    static func request(_ batch: TraceBatch) -> Request {
        var request = Request()
        request.resourceSpans = batch.resourceSpans.map { resourceSpans in
            var message = Opentelemetry_Proto_Trace_V1_ResourceSpans()
            let resource = resourceSpans.resource
            if !resource.attributes.isEmpty || resource.droppedAttributesCount != 0 {
                message.resource.attributes = resource.attributes.map(keyValue)
                message.resource.droppedAttributesCount = resource.droppedAttributesCount
            }
            message.schemaURL = resourceSpans.schemaURL
            message.scopeSpans = resourceSpans.scopeSpans.map(scopeSpans)
            return message
        }
        return request
    }

    private static func scopeSpans(_ scopeSpans: ScopeSpans) -> Opentelemetry_Proto_Trace_V1_ScopeSpans {
        var message = Opentelemetry_Proto_Trace_V1_ScopeSpans()
        let scope = scopeSpans.scope
        if !scope.name.isEmpty || !scope.version.isEmpty || !scope.attributes.isEmpty || scope.droppedAttributesCount != 0 {
            message.scope.name = scope.name
            message.scope.version = scope.version
            message.scope.attributes = scope.attributes.map(keyValue)
            message.scope.droppedAttributesCount = scope.droppedAttributesCount
        }
        message.schemaURL = scopeSpans.schemaURL
        message.spans = scopeSpans.spans.map(span)
        return message
    }

    private static func span(_ span: SpanRecord) -> Opentelemetry_Proto_Trace_V1_Span {
        var message = Opentelemetry_Proto_Trace_V1_Span()
        message.traceID = Data(span.traceID.bytes)
        message.spanID = Data(span.spanID.bytes)
        message.traceState = span.traceState
        if !span.parentSpanID.isNone { message.parentSpanID = Data(span.parentSpanID.bytes) }
        message.flags = span.flags
        message.name = span.name
        message.kind = Opentelemetry_Proto_Trace_V1_Span.SpanKind(rawValue: Int(span.kind.rawValue)) ?? .unspecified
        message.startTimeUnixNano = span.startTimeUnixNano
        message.endTimeUnixNano = span.endTimeUnixNano
        message.attributes = span.attributes.map(keyValue)
        message.droppedAttributesCount = span.droppedAttributesCount
        message.events = span.events.map { event in
            var eventMessage = Opentelemetry_Proto_Trace_V1_Span.Event()
            eventMessage.timeUnixNano = event.timeUnixNano
            eventMessage.name = event.name
            eventMessage.attributes = event.attributes.map(keyValue)
            eventMessage.droppedAttributesCount = event.droppedAttributesCount
            return eventMessage
        }
        message.droppedEventsCount = span.droppedEventsCount
        message.links = span.links.map { link in
            var linkMessage = Opentelemetry_Proto_Trace_V1_Span.Link()
            linkMessage.traceID = Data(link.traceID.bytes)
            linkMessage.spanID = Data(link.spanID.bytes)
            linkMessage.traceState = link.traceState
            linkMessage.attributes = link.attributes.map(keyValue)
            linkMessage.droppedAttributesCount = link.droppedAttributesCount
            linkMessage.flags = link.flags
            return linkMessage
        }
        message.droppedLinksCount = span.droppedLinksCount
        if span.statusCode != .unset || !span.statusMessage.isEmpty {
            message.status.code = Opentelemetry_Proto_Trace_V1_Status.StatusCode(rawValue: Int(span.statusCode.rawValue)) ?? .unset
            message.status.message = span.statusMessage
        }
        return message
    }

    static func keyValue(_ attribute: Attribute) -> Opentelemetry_Proto_Common_V1_KeyValue {
        var message = Opentelemetry_Proto_Common_V1_KeyValue()
        message.key = attribute.key
        message.value = anyValue(attribute.value)
        return message
    }

    static func anyValue(_ value: AttributeValue) -> Opentelemetry_Proto_Common_V1_AnyValue {
        var message = Opentelemetry_Proto_Common_V1_AnyValue()
        switch value {
        case .string(let text): message.stringValue = text
        case .bool(let flag): message.boolValue = flag
        case .int(let number): message.intValue = number
        case .double(let number): message.doubleValue = number
        case .bytes(let data): message.bytesValue = Data(data)
        case .array(let values):
            var array = Opentelemetry_Proto_Common_V1_ArrayValue()
            array.values = values.map(anyValue)
            message.arrayValue = array
        case .kvlist(let list):
            var keyValues = Opentelemetry_Proto_Common_V1_KeyValueList()
            keyValues.values = list.map(keyValue)
            message.kvlistValue = keyValues
        case .empty: break
        }
        return message
    }
}
