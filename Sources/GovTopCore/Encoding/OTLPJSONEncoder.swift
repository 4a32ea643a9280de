/// Encodes a `TraceBatch` as an OTLP/JSON `ExportTraceServiceRequest`, the body of an OTLP/HTTP
/// `application/json` export, following the OTLP/JSON rules: lowerCamelCase keys, trace and span ids
/// as lower-case hex, 64-bit integers (times, `intValue`) as decimal strings, enums as integers,
/// `bytesValue` as base64, NaN and infinities as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
///
/// The output is compact, keys come in field-number order, and fields with their default value are left
/// out, as for the protobuf encoder (`OTLPProtobufEncoder` says which messages count as empty).
public enum OTLPJSONEncoder {
    public static func encode(_ batch: TraceBatch) -> [UInt8] {
        var writer = JSONWriter(capacity: 256 + batch.spanCount * 1024)
        writer.beginObject()
        if !batch.resourceSpans.isEmpty {
            writer.key("resourceSpans")
            writer.beginArray()
            for resourceSpans in batch.resourceSpans { encode(resourceSpans, &writer) }
            writer.endArray()
        }
        writer.endObject()
        return writer.bytes
    }

    private static func encode(_ resourceSpans: ResourceSpans, _ writer: inout JSONWriter) {
        writer.beginObject()
        let resource = resourceSpans.resource
        if !resource.attributes.isEmpty || resource.droppedAttributesCount != 0 {
            writer.key("resource")
            writer.beginObject()
            attributes(resource.attributes, &writer)
            count("droppedAttributesCount", resource.droppedAttributesCount, &writer)
            writer.endObject()
        }
        if !resourceSpans.scopeSpans.isEmpty {
            writer.key("scopeSpans")
            writer.beginArray()
            for scopeSpans in resourceSpans.scopeSpans { encode(scopeSpans, &writer) }
            writer.endArray()
        }
        text("schemaUrl", resourceSpans.schemaURL, &writer)
        writer.endObject()
    }

    private static func encode(_ scopeSpans: ScopeSpans, _ writer: inout JSONWriter) {
        writer.beginObject()
        let scope = scopeSpans.scope
        if !scope.name.isEmpty || !scope.version.isEmpty || !scope.attributes.isEmpty || scope.droppedAttributesCount != 0 {
            writer.key("scope")
            writer.beginObject()
            text("name", scope.name, &writer)
            text("version", scope.version, &writer)
            attributes(scope.attributes, &writer)
            count("droppedAttributesCount", scope.droppedAttributesCount, &writer)
            writer.endObject()
        }
        if !scopeSpans.spans.isEmpty {
            writer.key("spans")
            writer.beginArray()
            for span in scopeSpans.spans { encode(span, &writer) }
            writer.endArray()
        }
        text("schemaUrl", scopeSpans.schemaURL, &writer)
        writer.endObject()
    }

    private static func encode(_ span: SpanRecord, _ writer: inout JSONWriter) {
        writer.beginObject()
        traceID("traceId", span.traceID, &writer)
        spanID("spanId", span.spanID, &writer)
        text("traceState", span.traceState, &writer)
        if !span.parentSpanID.isNone { spanID("parentSpanId", span.parentSpanID, &writer) }
        text("name", span.name, &writer)
        count("kind", UInt32(span.kind.rawValue), &writer)
        time("startTimeUnixNano", span.startTimeUnixNano, &writer)
        time("endTimeUnixNano", span.endTimeUnixNano, &writer)
        attributes(span.attributes, &writer)
        count("droppedAttributesCount", span.droppedAttributesCount, &writer)
        if !span.events.isEmpty {
            writer.key("events")
            writer.beginArray()
            for event in span.events {
                writer.beginObject()
                time("timeUnixNano", event.timeUnixNano, &writer)
                text("name", event.name, &writer)
                attributes(event.attributes, &writer)
                count("droppedAttributesCount", event.droppedAttributesCount, &writer)
                writer.endObject()
            }
            writer.endArray()
        }
        count("droppedEventsCount", span.droppedEventsCount, &writer)
        if !span.links.isEmpty {
            writer.key("links")
            writer.beginArray()
            for link in span.links {
                writer.beginObject()
                traceID("traceId", link.traceID, &writer)
                spanID("spanId", link.spanID, &writer)
                text("traceState", link.traceState, &writer)
                attributes(link.attributes, &writer)
                count("droppedAttributesCount", link.droppedAttributesCount, &writer)
                count("flags", link.flags, &writer)
                writer.endObject()
            }
            writer.endArray()
        }
        count("droppedLinksCount", span.droppedLinksCount, &writer)
        if span.statusCode != .unset || !span.statusMessage.isEmpty {
            writer.key("status")
            writer.beginObject()
            text("message", span.statusMessage, &writer)
            count("code", UInt32(span.statusCode.rawValue), &writer)
            writer.endObject()
        }
        count("flags", span.flags, &writer)
        writer.endObject()
    }

    /// `"attributes":[...]`, left out when empty.
    private static func attributes(_ attributes: [Attribute], _ writer: inout JSONWriter) {
        guard !attributes.isEmpty else { return }
        writer.key("attributes")
        keyValues(attributes, &writer)
    }

    private static func keyValues(_ attributes: [Attribute], _ writer: inout JSONWriter) {
        writer.beginArray()
        for attribute in attributes {
            writer.beginObject()
            text("key", attribute.key, &writer)
            writer.key("value")
            anyValue(attribute.value, &writer)
            writer.endObject()
        }
        writer.endArray()
    }

    /// An `AnyValue`; `.empty` is `{}`. Recursion follows the value's own nesting, which the decoders
    /// bound (`DecodeLimits.maxValueDepth`).
    private static func anyValue(_ value: AttributeValue, _ writer: inout JSONWriter) {
        writer.beginObject()
        switch value {
        case .string(let string):
            writer.key("stringValue")
            writer.string(string)
        case .bool(let flag):
            writer.key("boolValue")
            writer.bool(flag)
        case .int(let number):
            writer.key("intValue")
            writer.quoted(number)
        case .double(let number):
            writer.key("doubleValue")
            writer.double(number)
        case .array(let values):
            writer.key("arrayValue")
            writer.beginObject()
            writer.key("values")
            writer.beginArray()
            for element in values { anyValue(element, &writer) }
            writer.endArray()
            writer.endObject()
        case .kvlist(let list):
            writer.key("kvlistValue")
            writer.beginObject()
            writer.key("values")
            keyValues(list, &writer)
            writer.endObject()
        case .bytes(let data):
            writer.key("bytesValue")
            writer.base64(data)
        case .empty:
            break
        }
        writer.endObject()
    }

    private static func text(_ key: StaticString, _ value: String, _ writer: inout JSONWriter) {
        guard !value.isEmpty else { return }
        writer.key(key)
        writer.string(value)
    }

    private static func count(_ key: StaticString, _ value: UInt32, _ writer: inout JSONWriter) {
        guard value != 0 else { return }
        writer.key(key)
        writer.number(UInt64(value))
    }

    private static func time(_ key: StaticString, _ value: UInt64, _ writer: inout JSONWriter) {
        guard value != 0 else { return }
        writer.key(key)
        writer.quoted(value)
    }

    private static func traceID(_ key: StaticString, _ id: TraceID, _ writer: inout JSONWriter) {
        writer.key(key)
        writer.quotedHex { writer in
            writer.appendHex(id.high)
            writer.appendHex(id.low)
        }
    }

    private static func spanID(_ key: StaticString, _ id: SpanID, _ writer: inout JSONWriter) {
        writer.key(key)
        writer.quotedHex { $0.appendHex(id.value) }
    }
}
