/// Decodes an OTLP/JSON `ExportTraceServiceRequest` straight into a `TraceBatch`, one pull from
/// the reader at a time (no intermediate JSON tree).
///
/// A key given twice behaves as a field given twice in binary protobuf: the last value wins for
/// single fields, repeated fields (attributes, events, links, spans, …) concatenate.
///
/// Everything it builds is charged to `allowance` first (see `DecodeAllowance`). A `null` span is
/// counted as a rejected span; any other `null` item of a repeated message field is dropped and
/// counted in the batch's `nullItemsDropped`.
struct OTLPJSONTraces {
    private var batch = TraceBatch()
    private let allowance: DecodeAllowance
    private var values: OTLPJSONValues

    init(limits: DecodeLimits, allowance: DecodeAllowance) {
        self.allowance = allowance
        values = OTLPJSONValues(limits: limits, allowance: allowance)
    }

    mutating func decode(_ reader: inout JSONReader) throws(OTLPDecodeError) -> TraceBatch {
        let kind = try reader.peekKind()
        guard kind == .object else {
            throw reader.error("OTLP/JSON payload must be a JSON object, found \(kind.article)")
        }
        try reader.readObject("ExportTraceServiceRequest", table: Tables.request) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            batch.nullItemsDropped += try reader.readArray("resourceSpans", of: "ExportTraceServiceRequest") {
                (reader: inout JSONReader) throws(OTLPDecodeError) in
                try allowance.charge(DecodeCost.resourcePreparation)
                try allowance.append(try resourceSpans(&reader), to: &batch.resourceSpans)
            }
        }
        try reader.finish()
        batch.nullItemsDropped += values.nullItemsDropped
        return batch
    }

    private mutating func resourceSpans(_ reader: inout JSONReader) throws(OTLPDecodeError) -> ResourceSpans {
        var result = ResourceSpans()
        try reader.readObject("ResourceSpans", table: Tables.resourceSpans) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .resource: result.resource = try values.resource(&reader)
            case .schemaURL: result.schemaURL = try reader.readStringField("schemaUrl", of: "ResourceSpans", allowance: allowance)
            case .scopeSpans:
                batch.nullItemsDropped += try reader.readArray("scopeSpans", of: "ResourceSpans") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.charge(DecodeCost.scopePreparation)
                    try allowance.append(try scopeSpans(&reader), to: &result.scopeSpans)
                }
            }
        }
        return result
    }

    private mutating func scopeSpans(_ reader: inout JSONReader) throws(OTLPDecodeError) -> ScopeSpans {
        var result = ScopeSpans()
        try reader.readObject("ScopeSpans", table: Tables.scopeSpans) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .scope: result.scope = try values.scope(&reader)
            case .schemaURL: result.schemaURL = try reader.readStringField("schemaUrl", of: "ScopeSpans", allowance: allowance)
            case .spans:
                let nulls = try reader.readArray("spans", of: "ScopeSpans") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    if let span = try span(&reader) { try allowance.append(span, to: &result.spans) }
                }
                if nulls > 0 { rejectNull(spans: nulls) }
            }
        }
        return result
    }

    /// One span, or nil when one of its ids is invalid (then it is counted as rejected).
    private mutating func span(_ reader: inout JSONReader) throws(OTLPDecodeError) -> SpanRecord? {
        reader.skipWhitespace()
        let start = reader.offset
        var span = SpanRecord(traceID: TraceID(high: 0, low: 0), spanID: .none, name: "", kind: .unspecified,
                              startTimeUnixNano: 0, endTimeUnixNano: 0)
        var traceID: JSONStringToken?
        var spanID: JSONStringToken?
        var parentSpanID: JSONStringToken?
        try reader.readObject("Span", table: Tables.span) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .traceID: traceID = try reader.readIDField("traceId", of: "Span")
            case .spanID: spanID = try reader.readIDField("spanId", of: "Span")
            case .parentSpanID: parentSpanID = try reader.readIDField("parentSpanId", of: "Span")
            case .traceState: span.traceState = try reader.readStringField("traceState", of: "Span", allowance: allowance)
            case .name: span.name = try reader.readStringField("name", of: "Span", allowance: allowance)
            case .kind:
                span.kind = SpanKind(wire: try reader.readEnumField("kind", of: "Span", names: Tables.spanKindNames))
            case .startTime: span.startTimeUnixNano = try reader.readUInt64Field("startTimeUnixNano", of: "Span")
            case .endTime: span.endTimeUnixNano = try reader.readUInt64Field("endTimeUnixNano", of: "Span")
            case .attributes:
                try values.appendAttributes(&reader, to: &span.attributes, field: "attributes", of: "Span")
            case .droppedAttributesCount:
                span.droppedAttributesCount = try reader.readUInt32Field("droppedAttributesCount", of: "Span")
            case .events:
                batch.nullItemsDropped += try reader.readArray("events", of: "Span") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.append(try event(&reader), to: &span.events)
                }
            case .droppedEventsCount: span.droppedEventsCount = try reader.readUInt32Field("droppedEventsCount", of: "Span")
            case .links:
                batch.nullItemsDropped += try reader.readArray("links", of: "Span") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    if let link = try link(&reader) { try allowance.append(link, to: &span.links) }
                }
            case .droppedLinksCount: span.droppedLinksCount = try reader.readUInt32Field("droppedLinksCount", of: "Span")
            case .status: try status(&reader, into: &span)
            case .flags: span.flags = try reader.readUInt32Field("flags", of: "Span")
            }
        }
        // Its stored payload re-encodes what the span holds: less than its JSON text.
        try allowance.charge(DecodeCost.spanPreparation &+ (reader.offset &- start))
        let parsedTrace = parse(traceID, in: reader, OTLPJSONIDs.traceID)
        let parsedSpan = parse(spanID, in: reader, OTLPJSONIDs.spanID)
        let parsedParent = parse(parentSpanID, in: reader, OTLPJSONIDs.parentSpanID)
        switch (parsedTrace, parsedSpan, parsedParent) {
        case (.valid(let trace), .valid(let own), .valid(let parent)):
            span.traceID = trace
            span.spanID = own
            span.parentSpanID = parent
            return span
        case (.invalid(let reason), _, _): reject(span, field: "traceId", reason: reason)
        case (_, .invalid(let reason), _): reject(span, field: "spanId", reason: reason)
        case (_, _, .invalid(let reason)): reject(span, field: "parentSpanId", reason: reason)
        }
        return nil
    }

    private func parse<ID>(_ token: JSONStringToken?, in reader: JSONReader,
                           _ parser: (UnsafeRawBufferPointer?) -> OTLPJSONIDs.Parsed<ID>) -> OTLPJSONIDs.Parsed<ID> {
        guard let token else { return parser(nil) }
        return reader.withContent(of: token) { parser($0) }
    }

    private mutating func reject(_ span: SpanRecord, field: String, reason: String) {
        batch.rejectedSpans += 1
        if batch.rejectionMessage == nil {
            let name = span.name.count > 64 ? String(span.name.prefix(64)) + "…" : span.name
            batch.rejectionMessage = "span '\(name)' has an invalid \(field) (\(reason))"
        }
    }

    /// Spans given as `null`: nothing to store, but the sender meant to send something.
    private mutating func rejectNull(spans count: Int) {
        batch.rejectedSpans += count
        if batch.rejectionMessage == nil {
            batch.rejectionMessage = "\(count) span(s) in 'spans' were null, not Span objects"
        }
    }

    private mutating func event(_ reader: inout JSONReader) throws(OTLPDecodeError) -> SpanEvent {
        var event = SpanEvent(timeUnixNano: 0, name: "")
        try reader.readObject("Event", table: Tables.event) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .time: event.timeUnixNano = try reader.readUInt64Field("timeUnixNano", of: "Event")
            case .name: event.name = try reader.readStringField("name", of: "Event", allowance: allowance)
            case .attributes:
                try values.appendAttributes(&reader, to: &event.attributes, field: "attributes", of: "Event")
            case .droppedAttributesCount:
                event.droppedAttributesCount = try reader.readUInt32Field("droppedAttributesCount", of: "Event")
            }
        }
        return event
    }

    /// One link, or nil when its ids are invalid: the link is dropped, its span kept.
    private mutating func link(_ reader: inout JSONReader) throws(OTLPDecodeError) -> SpanLink? {
        var link = SpanLink(traceID: TraceID(high: 0, low: 0), spanID: .none)
        var traceID: JSONStringToken?
        var spanID: JSONStringToken?
        try reader.readObject("Link", table: Tables.link) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .traceID: traceID = try reader.readIDField("traceId", of: "Link")
            case .spanID: spanID = try reader.readIDField("spanId", of: "Link")
            case .traceState: link.traceState = try reader.readStringField("traceState", of: "Link", allowance: allowance)
            case .attributes:
                try values.appendAttributes(&reader, to: &link.attributes, field: "attributes", of: "Link")
            case .droppedAttributesCount:
                link.droppedAttributesCount = try reader.readUInt32Field("droppedAttributesCount", of: "Link")
            case .flags: link.flags = try reader.readUInt32Field("flags", of: "Link")
            }
        }
        guard case .valid(let trace) = parse(traceID, in: reader, OTLPJSONIDs.traceID),
              case .valid(let own) = parse(spanID, in: reader, OTLPJSONIDs.spanID) else { return nil }
        link.traceID = trace
        link.spanID = own
        return link
    }

    private func status(_ reader: inout JSONReader, into span: inout SpanRecord) throws(OTLPDecodeError) {
        try reader.readObject("Status", table: Tables.status) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .message: span.statusMessage = try reader.readStringField("message", of: "Status", allowance: allowance)
            case .code:
                span.statusCode = StatusCode(wire: try reader.readEnumField("code", of: "Status", names: Tables.statusCodeNames))
            }
        }
    }
}
