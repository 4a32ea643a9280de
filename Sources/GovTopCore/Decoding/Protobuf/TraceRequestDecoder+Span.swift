/// `Span`, `Span.Event`, `Span.Link` and `Status`, with the id checks of the decoder contract.
extension TraceRequestDecoder {
    /// The span in `reader`, or nil when its ids are invalid (then it is counted as rejected).
    mutating func decodeSpan(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> SpanRecord? {
        let counts = reader.fieldCounts(9, 11, 13)
        // Its stored payload re-encodes what the span holds: at most its own wire size.
        try allowance.charge(DecodeCost.spanPreparation &+ (reader.end &- reader.position))
        var traceID = IDField()
        var spanID = IDField()
        var parentSpanID = IDField()
        var traceState = ""
        var flags: UInt32 = 0
        var name = ""
        var kind = SpanKind.unspecified
        var start: UInt64 = 0
        var end: UInt64 = 0
        var attributes: [Attribute] = []
        try allowance.reserve(counts.0, in: &attributes)
        var droppedAttributes: UInt32 = 0
        var events: [SpanEvent] = []
        try allowance.reserve(counts.1, in: &events)
        var droppedEvents: UInt32 = 0
        var links: [SpanLink] = []
        try allowance.reserve(counts.2, in: &links)
        var droppedLinks: UInt32 = 0
        var statusCode = StatusCode.unset
        var statusMessage = ""

        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1: traceID = IDField(try reader.readLengthDelimited(tag), reader)
            case 2: spanID = IDField(try reader.readLengthDelimited(tag), reader)
            case 3: traceState = try reader.readString(tag, cache: cache)
            case 4: parentSpanID = IDField(try reader.readLengthDelimited(tag), reader)
            case 5: name = try reader.readString(tag, cache: cache)
            case 6: kind = SpanKind(wire: Self.enumValue(try reader.readVarint(tag)))
            case 7: start = try reader.readFixed64(tag)
            case 8: end = try reader.readFixed64(tag)
            case 9: attributes.append(try decodeKeyValue(tag, &reader, depth: 1))
            case 10: droppedAttributes = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            case 11:
                var message = try reader.readMessage(tag, as: .event)
                events.append(try decodeEvent(&message))
            case 12: droppedEvents = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            case 13:
                var message = try reader.readMessage(tag, as: .link)
                if let link = try decodeLink(&message) { links.append(link) }
            case 14: droppedLinks = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            case 15:
                var message = try reader.readMessage(tag, as: .status)
                try decodeStatus(&message, code: &statusCode, message: &statusMessage)
            case 16: flags = try reader.readFixed32(tag)
            default: try reader.skip(tag)
            }
        }

        if let problem = traceID.traceIDProblem ?? spanID.spanIDProblem(field: "span_id")
            ?? parentSpanID.parentSpanIDProblem {
            reject("span '\(name)' has \(problem)")
            return nil
        }
        return SpanRecord(
            traceID: traceID.traceID, spanID: spanID.spanID, parentSpanID: parentSpanID.spanID,
            traceState: traceState, flags: flags, name: name, kind: kind,
            startTimeUnixNano: start, endTimeUnixNano: end, attributes: attributes,
            droppedAttributesCount: droppedAttributes, events: events, droppedEventsCount: droppedEvents,
            links: links, droppedLinksCount: droppedLinks, statusCode: statusCode, statusMessage: statusMessage)
    }

    private func decodeEvent(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> SpanEvent {
        var event = SpanEvent(timeUnixNano: 0, name: "")
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1: event.timeUnixNano = try reader.readFixed64(tag)
            case 2: event.name = try reader.readKey(tag, keys: keys, cache: cache)
            case 3: try allowance.append(try decodeKeyValue(tag, &reader, depth: 1), to: &event.attributes)
            case 4: event.droppedAttributesCount = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            default: try reader.skip(tag)
            }
        }
        return event
    }

    /// The link in `reader`, or nil when its trace or span id is invalid (the link alone is dropped).
    private func decodeLink(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> SpanLink? {
        var traceID = IDField()
        var spanID = IDField()
        var link = SpanLink(traceID: TraceID(high: 0, low: 0), spanID: .none)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1: traceID = IDField(try reader.readLengthDelimited(tag), reader)
            case 2: spanID = IDField(try reader.readLengthDelimited(tag), reader)
            case 3: link.traceState = try reader.readString(tag, cache: cache)
            case 4: try allowance.append(try decodeKeyValue(tag, &reader, depth: 1), to: &link.attributes)
            case 5: link.droppedAttributesCount = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            case 6: link.flags = try reader.readFixed32(tag)
            default: try reader.skip(tag)
            }
        }
        guard traceID.traceIDProblem == nil, spanID.spanIDProblem(field: "span_id") == nil else { return nil }
        link.traceID = traceID.traceID
        link.spanID = spanID.spanID
        return link
    }

    /// Merges a `Status` message into the span's status, as protobuf does for a repeated field.
    private func decodeStatus(
        _ reader: inout ProtoReader, code: inout StatusCode, message: inout String
    ) throws(OTLPDecodeError) {
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 2: message = try reader.readString(tag, cache: cache)
            case 3: code = StatusCode(wire: Self.enumValue(try reader.readVarint(tag)))
            default: try reader.skip(tag)
            }
        }
    }

    /// Protobuf enums are int32 on the wire; negative values arrive sign-extended to 64 bits.
    private static func enumValue(_ varint: UInt64) -> Int {
        Int(Int32(truncatingIfNeeded: varint))
    }
}

/// A trace or span id as read from the wire: its length, and its value when the length is right.
private struct IDField {
    var length = 0
    var high: UInt64 = 0
    var low: UInt64 = 0

    init() {}

    @inline(__always)
    init(_ range: Range<Int>, _ reader: ProtoReader) {
        length = range.count
        if length == 16 {
            high = reader.bigEndianUInt64(at: range.lowerBound)
            low = reader.bigEndianUInt64(at: range.lowerBound + 8)
        } else if length == 8 {
            low = reader.bigEndianUInt64(at: range.lowerBound)
        }
    }

    var traceID: TraceID { TraceID(high: high, low: low) }
    var spanID: SpanID { SpanID(length == 8 ? low : 0) }

    var traceIDProblem: String? {
        if length != 16 { return "an invalid trace_id (\(length) bytes, want 16)" }
        if high == 0, low == 0 { return "an invalid trace_id (all zero)" }
        return nil
    }

    func spanIDProblem(field: String) -> String? {
        if length != 8 { return "an invalid \(field) (\(length) bytes, want 8)" }
        if low == 0 { return "an invalid \(field) (all zero)" }
        return nil
    }

    var parentSpanIDProblem: String? {
        length == 0 || length == 8 ? nil : "an invalid parent_span_id (\(length) bytes, want 8 or none)"
    }
}
