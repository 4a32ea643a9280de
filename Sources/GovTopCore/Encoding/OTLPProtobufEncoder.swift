/// Encodes a `TraceBatch` as an OTLP `ExportTraceServiceRequest` in the protobuf wire format, the
/// body of an OTLP/HTTP `application/x-protobuf` export. The demo traffic generator and the benchmark
/// use it to produce what an SDK would send.
///
/// Fields are written in field-number order and scalar fields with their default value are left out
/// (proto3), so the output is what swift-protobuf would serialize for the same message. Message fields
/// the model cannot tell apart from empty (`Span.status`, `ResourceSpans.resource`,
/// `ScopeSpans.scope`) are written only when they hold something. `rejectedSpans` and
/// `rejectionMessage` are decoding results and are not encoded. Ids are written as they are, also
/// when they are invalid (all zero).
public enum OTLPProtobufEncoder {
    public static func encode(_ batch: TraceBatch) -> [UInt8] {
        var writer = ProtobufWriter(capacity: 256 + batch.spanCount * 512)
        for resourceSpans in batch.resourceSpans {
            writer.message(1) { resourceSpansBody(resourceSpans, &$0) }
        }
        return writer.bytes
    }

    private static func resourceSpansBody(_ resourceSpans: ResourceSpans, _ writer: inout ProtobufWriter) {
        let resource = resourceSpans.resource
        if !resource.attributes.isEmpty || resource.droppedAttributesCount != 0 {
            writer.message(1) { writer in
                attributes(1, resource.attributes, &writer)
                writer.uint64IfSet(2, UInt64(resource.droppedAttributesCount))
            }
        }
        for scopeSpans in resourceSpans.scopeSpans {
            writer.message(2) { scopeSpansBody(scopeSpans, &$0) }
        }
        writer.stringIfSet(3, resourceSpans.schemaURL)
    }

    private static func scopeSpansBody(_ scopeSpans: ScopeSpans, _ writer: inout ProtobufWriter) {
        let scope = scopeSpans.scope
        if !scope.name.isEmpty || !scope.version.isEmpty || !scope.attributes.isEmpty || scope.droppedAttributesCount != 0 {
            writer.message(1) { writer in
                writer.stringIfSet(1, scope.name)
                writer.stringIfSet(2, scope.version)
                attributes(3, scope.attributes, &writer)
                writer.uint64IfSet(4, UInt64(scope.droppedAttributesCount))
            }
        }
        for span in scopeSpans.spans {
            writer.message(2) { spanBody(span, &$0) }
        }
        writer.stringIfSet(3, scopeSpans.schemaURL)
    }

    private static func spanBody(_ span: SpanRecord, _ writer: inout ProtobufWriter) {
        writer.traceID(1, span.traceID)
        writer.spanID(2, span.spanID)
        writer.stringIfSet(3, span.traceState)
        if !span.parentSpanID.isNone { writer.spanID(4, span.parentSpanID) }
        writer.stringIfSet(5, span.name)
        writer.uint64IfSet(6, UInt64(span.kind.rawValue))
        writer.fixed64IfSet(7, span.startTimeUnixNano)
        writer.fixed64IfSet(8, span.endTimeUnixNano)
        attributes(9, span.attributes, &writer)
        writer.uint64IfSet(10, UInt64(span.droppedAttributesCount))
        for event in span.events {
            writer.message(11) { writer in
                writer.fixed64IfSet(1, event.timeUnixNano)
                writer.stringIfSet(2, event.name)
                attributes(3, event.attributes, &writer)
                writer.uint64IfSet(4, UInt64(event.droppedAttributesCount))
            }
        }
        writer.uint64IfSet(12, UInt64(span.droppedEventsCount))
        for link in span.links {
            writer.message(13) { writer in
                writer.traceID(1, link.traceID)
                writer.spanID(2, link.spanID)
                writer.stringIfSet(3, link.traceState)
                attributes(4, link.attributes, &writer)
                writer.uint64IfSet(5, UInt64(link.droppedAttributesCount))
                writer.fixed32IfSet(6, link.flags)
            }
        }
        writer.uint64IfSet(14, UInt64(span.droppedLinksCount))
        if span.statusCode != .unset || !span.statusMessage.isEmpty {
            writer.message(15) { writer in
                writer.stringIfSet(2, span.statusMessage)
                writer.uint64IfSet(3, UInt64(span.statusCode.rawValue))
            }
        }
        writer.fixed32IfSet(16, span.flags)
    }

    /// A repeated `KeyValue` field. `KeyValue.value` is always written, as an empty `AnyValue` for `.empty`.
    private static func attributes(_ field: UInt32, _ attributes: [Attribute], _ writer: inout ProtobufWriter) {
        for attribute in attributes {
            writer.message(field) { writer in
                writer.stringIfSet(1, attribute.key)
                writer.message(2) { anyValueBody(attribute.value, &$0) }
            }
        }
    }

    /// The `AnyValue` oneof: the member that is set is written even when it holds its default value.
    /// Recursion follows the value's own nesting, which the decoders bound (`DecodeLimits.maxValueDepth`).
    private static func anyValueBody(_ value: AttributeValue, _ writer: inout ProtobufWriter) {
        switch value {
        case .string(let text): writer.string(1, text)
        case .bool(let flag): writer.bool(2, flag)
        case .int(let number): writer.int64(3, number)
        case .double(let number): writer.double(4, number)
        case .array(let values):
            writer.message(5) { writer in
                for element in values {
                    writer.message(1) { anyValueBody(element, &$0) }
                }
            }
        case .kvlist(let list):
            writer.message(6) { attributes(1, list, &$0) }
        case .bytes(let data): writer.bytes(7, data)
        case .empty: break
        }
    }
}
