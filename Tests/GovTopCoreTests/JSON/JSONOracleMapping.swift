import Foundation
import GovTopCore
import OTLPProto

/// Maps swift-protobuf's decoded OTLP messages to govtop's model with the decoder contract's id
/// rules, as the oracle for the JSON differential test.
enum JSONOracleMapping {
    typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest

    static func batch(_ request: Request) -> TraceBatch {
        var batch = TraceBatch()
        for resourceSpans in request.resourceSpans {
            var mapped = ResourceSpans(
                resource: Resource(attributes: resourceSpans.resource.attributes.map(attribute),
                                   droppedAttributesCount: resourceSpans.resource.droppedAttributesCount),
                schemaURL: resourceSpans.schemaURL)
            for scopeSpans in resourceSpans.scopeSpans {
                let scope = scopeSpans.scope
                var mappedScope = ScopeSpans(
                    scope: InstrumentationScope(name: scope.name, version: scope.version,
                                                attributes: scope.attributes.map(attribute),
                                                droppedAttributesCount: scope.droppedAttributesCount),
                    schemaURL: scopeSpans.schemaURL)
                for span in scopeSpans.spans {
                    if let record = record(span) { mappedScope.spans.append(record) } else { batch.rejectedSpans += 1 }
                }
                mapped.scopeSpans.append(mappedScope)
            }
            batch.resourceSpans.append(mapped)
        }
        return batch
    }

    private static func record(_ span: Opentelemetry_Proto_Trace_V1_Span) -> SpanRecord? {
        guard let traceID = TraceID(bytes: span.traceID), traceID.isValid,
              let spanID = SpanID(bytes: span.spanID), !spanID.isNone else { return nil }
        let parent: SpanID
        if span.parentSpanID.isEmpty {
            parent = .none
        } else if let id = SpanID(bytes: span.parentSpanID) {
            parent = id
        } else {
            return nil
        }
        return SpanRecord(
            traceID: traceID, spanID: spanID, parentSpanID: parent, traceState: span.traceState, flags: span.flags,
            name: span.name, kind: SpanKind(wire: span.kind.rawValue),
            startTimeUnixNano: span.startTimeUnixNano, endTimeUnixNano: span.endTimeUnixNano,
            attributes: span.attributes.map(attribute), droppedAttributesCount: span.droppedAttributesCount,
            events: span.events.map { event in
                SpanEvent(timeUnixNano: event.timeUnixNano, name: event.name,
                          attributes: event.attributes.map(attribute), droppedAttributesCount: event.droppedAttributesCount)
            },
            droppedEventsCount: span.droppedEventsCount,
            links: span.links.compactMap(link),
            droppedLinksCount: span.droppedLinksCount,
            statusCode: StatusCode(wire: span.status.code.rawValue), statusMessage: span.status.message)
    }

    private static func link(_ link: Opentelemetry_Proto_Trace_V1_Span.Link) -> SpanLink? {
        guard let traceID = TraceID(bytes: link.traceID), traceID.isValid,
              let spanID = SpanID(bytes: link.spanID), !spanID.isNone else { return nil }
        return SpanLink(traceID: traceID, spanID: spanID, traceState: link.traceState,
                        attributes: link.attributes.map(attribute),
                        droppedAttributesCount: link.droppedAttributesCount, flags: link.flags)
    }

    static func attribute(_ keyValue: Opentelemetry_Proto_Common_V1_KeyValue) -> Attribute {
        Attribute(keyValue.key, value(keyValue.value))
    }

    static func value(_ anyValue: Opentelemetry_Proto_Common_V1_AnyValue) -> AttributeValue {
        switch anyValue.value {
        case .stringValue(let value): .string(value)
        case .boolValue(let value): .bool(value)
        case .intValue(let value): .int(value)
        case .doubleValue(let value): .double(value)
        case .bytesValue(let value): .bytes(Array(value))
        case .arrayValue(let array): .array(array.values.map(value))
        case .kvlistValue(let list): .kvlist(list.values.map(attribute))
        case .stringValueStrindex, nil: .empty
        }
    }
}
