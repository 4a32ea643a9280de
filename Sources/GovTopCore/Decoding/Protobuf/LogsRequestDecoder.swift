/// Decodes one `ExportLogsServiceRequest` into a `LogBatch` straight from the wire, with the trace
/// decoder's rules (allowance, bounded `AnyValue` nesting, UTF-8, wire types); resources and
/// scopes are read by `ProtoEnvelopeReader`, attributes and bodies by the trace decoder's own code
/// (`values`). A trace or span id of the wrong length, or all zero, is dropped (the record is
/// kept, tied to no span): the OTLP specification makes both ids optional on a log record. Field
/// numbers follow opentelemetry-proto `logs.proto`.
struct LogsRequestDecoder {
    let values: TraceRequestDecoder
    var allowance: DecodeAllowance { values.allowance }

    init(maxValueDepth: Int, allowance: DecodeAllowance) {
        values = TraceRequestDecoder(maxValueDepth: maxValueDepth, keys: WellKnownKeys.shared, allowance: allowance)
    }

    func decodeRequest(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> LogBatch {
        try ProtoEnvelopeReader<LogsEnvelope>(values: values).decodeRequest(&reader) { (message: inout ProtoReader) throws(OTLPDecodeError) in
            try decodeRecord(&message)
        }
    }

    private func decodeRecord(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> LogRecord {
        var record = LogRecord()
        // What the log store keeps of it: at most its own wire size, plus its entry.
        try allowance.charge(LogStore.entryOverhead &+ (reader.end &- reader.position))
        try allowance.reserve(reader.fieldCount(6), in: &record.attributes)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1: record.timeUnixNano = try reader.readFixed64(tag)
            case 2: record.severityNumber = MetricsRequestDecoder.enumValue(try reader.readVarint(tag))
            case 3: record.severityText = try reader.readString(tag, cache: values.cache)
            case 5:
                var body = try reader.readMessage(tag, as: .anyValue)
                record.body = try values.decodeAnyValue(&body, merging: record.body, depth: 1)
            case 6: record.attributes.append(try values.decodeKeyValue(tag, &reader, depth: 1))
            case 7: record.droppedAttributesCount = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            case 8: record.flags = try reader.readFixed32(tag)
            case 9:
                let range = try reader.readLengthDelimited(tag)
                record.traceID = nil
                if range.count == 16 {
                    let id = TraceID(high: reader.bigEndianUInt64(at: range.lowerBound), low: reader.bigEndianUInt64(at: range.lowerBound + 8))
                    if id.isValid { record.traceID = id }
                }
            case 10:
                let range = try reader.readLengthDelimited(tag)
                record.spanID = range.count == 8 ? SpanID(reader.bigEndianUInt64(at: range.lowerBound)) : .none
            case 11: record.observedTimeUnixNano = try reader.readFixed64(tag)
            case 12: record.eventName = try reader.readKey(tag, keys: values.keys, cache: values.cache)
            default: try reader.skip(tag)
            }
        }
        return record
    }
}
