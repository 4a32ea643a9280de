import Foundation
import GovTopCore
import OTLPProto
import SwiftProtobuf

typealias ProtoTraceRequest = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
typealias ProtoResourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans
typealias ProtoScopeSpans = Opentelemetry_Proto_Trace_V1_ScopeSpans
typealias ProtoSpan = Opentelemetry_Proto_Trace_V1_Span
typealias ProtoKeyValue = Opentelemetry_Proto_Common_V1_KeyValue
typealias ProtoAnyValue = Opentelemetry_Proto_Common_V1_AnyValue

/// The test oracle: maps swift-protobuf's generated messages to govtop's model, applying the
/// decoder contract's id rules (spans with bad ids are dropped and counted, links with bad ids
/// dropped). The rejection message is not produced here; tests check it where it matters.
enum OracleMapping {
    static func batch(_ request: ProtoTraceRequest) -> TraceBatch {
        var rejected = 0
        let resourceSpans = request.resourceSpans.map { resourceSpans in
            ResourceSpans(
                resource: Resource(attributes: attributes(resourceSpans.resource.attributes),
                                   droppedAttributesCount: resourceSpans.resource.droppedAttributesCount),
                schemaURL: resourceSpans.schemaURL,
                scopeSpans: resourceSpans.scopeSpans.map { scopeSpans in
                    ScopeSpans(
                        scope: InstrumentationScope(
                            name: scopeSpans.scope.name, version: scopeSpans.scope.version,
                            attributes: attributes(scopeSpans.scope.attributes),
                            droppedAttributesCount: scopeSpans.scope.droppedAttributesCount),
                        schemaURL: scopeSpans.schemaURL,
                        spans: scopeSpans.spans.compactMap { span in
                            let record = self.span(span)
                            if record == nil { rejected += 1 }
                            return record
                        })
                })
        }
        return TraceBatch(resourceSpans: resourceSpans, rejectedSpans: rejected, rejectionMessage: nil)
    }

    /// The batch swift-protobuf sees in `bytes`.
    static func batch(decoding bytes: [UInt8]) throws -> TraceBatch {
        batch(try ProtoTraceRequest(serializedBytes: bytes))
    }

    static func span(_ span: ProtoSpan) -> SpanRecord? {
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
            traceID: traceID, spanID: spanID, parentSpanID: parent, traceState: span.traceState,
            flags: span.flags, name: span.name, kind: SpanKind(wire: span.kind.rawValue),
            startTimeUnixNano: span.startTimeUnixNano, endTimeUnixNano: span.endTimeUnixNano,
            attributes: attributes(span.attributes), droppedAttributesCount: span.droppedAttributesCount,
            events: span.events.map { event in
                SpanEvent(timeUnixNano: event.timeUnixNano, name: event.name, attributes: attributes(event.attributes),
                          droppedAttributesCount: event.droppedAttributesCount)
            },
            droppedEventsCount: span.droppedEventsCount,
            links: span.links.compactMap { link in
                guard let traceID = TraceID(bytes: link.traceID), traceID.isValid,
                      let spanID = SpanID(bytes: link.spanID), !spanID.isNone else { return nil }
                return SpanLink(traceID: traceID, spanID: spanID, traceState: link.traceState,
                                attributes: attributes(link.attributes),
                                droppedAttributesCount: link.droppedAttributesCount, flags: link.flags)
            },
            droppedLinksCount: span.droppedLinksCount,
            statusCode: StatusCode(wire: span.status.code.rawValue), statusMessage: span.status.message)
    }

    static func attributes(_ keyValues: [ProtoKeyValue]) -> [Attribute] {
        keyValues.map { Attribute($0.key, value($0.value)) }
    }

    static func value(_ anyValue: ProtoAnyValue) -> AttributeValue {
        switch anyValue.value {
        case nil: .empty
        case .stringValue(let text)?: .string(text)
        case .boolValue(let flag)?: .bool(flag)
        case .intValue(let number)?: .int(number)
        case .doubleValue(let number)?: .double(number)
        case .bytesValue(let data)?: .bytes([UInt8](data))
        case .arrayValue(let array)?: .array(array.values.map(value))
        case .kvlistValue(let list)?: .kvlist(attributes(list.values))
        case .stringValueStrindex?: .empty
        }
    }
}

extension TraceBatch {
    /// The batch with every double replaced by its exact bit pattern, so that `==` compares
    /// NaN payloads and the sign of zero instead of failing on NaN != NaN.
    var comparable: TraceBatch {
        var copy = self
        for resourceIndex in copy.resourceSpans.indices {
            copy.resourceSpans[resourceIndex].resource.attributes = Self.exact(copy.resourceSpans[resourceIndex].resource.attributes)
            for scopeIndex in copy.resourceSpans[resourceIndex].scopeSpans.indices {
                var scopeSpans = copy.resourceSpans[resourceIndex].scopeSpans[scopeIndex]
                scopeSpans.scope.attributes = Self.exact(scopeSpans.scope.attributes)
                for spanIndex in scopeSpans.spans.indices {
                    scopeSpans.spans[spanIndex].attributes = Self.exact(scopeSpans.spans[spanIndex].attributes)
                    for eventIndex in scopeSpans.spans[spanIndex].events.indices {
                        scopeSpans.spans[spanIndex].events[eventIndex].attributes =
                            Self.exact(scopeSpans.spans[spanIndex].events[eventIndex].attributes)
                    }
                    for linkIndex in scopeSpans.spans[spanIndex].links.indices {
                        scopeSpans.spans[spanIndex].links[linkIndex].attributes =
                            Self.exact(scopeSpans.spans[spanIndex].links[linkIndex].attributes)
                    }
                }
                copy.resourceSpans[resourceIndex].scopeSpans[scopeIndex] = scopeSpans
            }
        }
        return copy
    }

    private static func exact(_ attributes: [Attribute]) -> [Attribute] {
        attributes.map { Attribute($0.key, exact($0.value)) }
    }

    private static func exact(_ value: AttributeValue) -> AttributeValue {
        switch value {
        case .double(let number): .kvlist([Attribute("\u{0}double-bits", .int(Int64(bitPattern: number.bitPattern)))])
        case .array(let values): .array(values.map(exact))
        case .kvlist(let entries): .kvlist(exact(entries))
        default: value
        }
    }
}
