extension OTLPJSONTraces {
    /// The JSON keys of the trace messages (see `JSONFieldTable` for the accepted spellings).
    enum Tables {
        enum RequestField: Sendable { case resourceSpans }
        static let request = JSONFieldTable<RequestField>(["resourceSpans": .resourceSpans])

        enum ResourceSpansField: Sendable { case resource, scopeSpans, schemaURL }
        static let resourceSpans = JSONFieldTable<ResourceSpansField>([
            "resource": .resource, "scopeSpans": .scopeSpans, "schemaUrl": .schemaURL,
        ])

        enum ResourceField: Sendable { case attributes, droppedAttributesCount }
        static let resource = JSONFieldTable<ResourceField>([
            "attributes": .attributes, "droppedAttributesCount": .droppedAttributesCount,
        ])

        enum ScopeSpansField: Sendable { case scope, spans, schemaURL }
        static let scopeSpans = JSONFieldTable<ScopeSpansField>([
            "scope": .scope, "spans": .spans, "schemaUrl": .schemaURL,
        ])

        enum ScopeField: Sendable { case name, version, attributes, droppedAttributesCount }
        static let scope = JSONFieldTable<ScopeField>([
            "name": .name, "version": .version, "attributes": .attributes,
            "droppedAttributesCount": .droppedAttributesCount,
        ])

        enum SpanField: Sendable {
            case traceID, spanID, traceState, parentSpanID, name, kind, startTime, endTime, attributes
            case droppedAttributesCount, events, droppedEventsCount, links, droppedLinksCount, status, flags
        }
        static let span = JSONFieldTable<SpanField>([
            "traceId": .traceID, "spanId": .spanID, "traceState": .traceState, "parentSpanId": .parentSpanID,
            "name": .name, "kind": .kind, "startTimeUnixNano": .startTime, "endTimeUnixNano": .endTime,
            "attributes": .attributes, "droppedAttributesCount": .droppedAttributesCount, "events": .events,
            "droppedEventsCount": .droppedEventsCount, "links": .links, "droppedLinksCount": .droppedLinksCount,
            "status": .status, "flags": .flags,
        ])

        enum EventField: Sendable { case time, name, attributes, droppedAttributesCount }
        static let event = JSONFieldTable<EventField>([
            "timeUnixNano": .time, "name": .name, "attributes": .attributes,
            "droppedAttributesCount": .droppedAttributesCount,
        ])

        enum LinkField: Sendable { case traceID, spanID, traceState, attributes, droppedAttributesCount, flags }
        static let link = JSONFieldTable<LinkField>([
            "traceId": .traceID, "spanId": .spanID, "traceState": .traceState, "attributes": .attributes,
            "droppedAttributesCount": .droppedAttributesCount, "flags": .flags,
        ])

        enum StatusField: Sendable { case message, code }
        static let status = JSONFieldTable<StatusField>(["message": .message, "code": .code])

        /// Enum names in wire-number order, as proto3 JSON spells them.
        static let spanKindNames = [
            "SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER",
            "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER",
        ]
        static let statusCodeNames = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"]
    }
}
