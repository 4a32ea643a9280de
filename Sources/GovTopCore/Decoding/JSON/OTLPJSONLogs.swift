/// Decodes the log records of an OTLP/JSON `ExportLogsServiceRequest` (`OTLPJSONEnvelope` reads
/// the resources and scopes around them), with the trace decoder's rules. A trace or span id that is not valid hex of the right length, or all zero,
/// is dropped (the record is kept, tied to no span): both ids are optional on a log record.
enum OTLPJSONLogs {
    /// One `LogRecord` object (the item decoder of `OTLPJSONEnvelope<LogsEnvelope>`).
    static func record(_ reader: inout JSONReader, _ values: inout OTLPJSONValues) throws(OTLPDecodeError) -> LogRecord {
        let allowance = values.allowance
        reader.skipWhitespace()
        let start = reader.offset
        var record = LogRecord()
        let message = "LogRecord"
        try reader.readObject(message, table: Tables.record) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .time: record.timeUnixNano = try reader.readUInt64Field("timeUnixNano", of: message)
            case .observedTime: record.observedTimeUnixNano = try reader.readUInt64Field("observedTimeUnixNano", of: message)
            case .severityNumber:
                record.severityNumber = try reader.readEnumField("severityNumber", of: message, names: Tables.severityNames)
            case .severityText: record.severityText = try reader.readStringField("severityText", of: message, allowance: allowance)
            case .body: record.body = try values.anyValue(&reader, depth: 1)
            case .attributes: try values.appendAttributes(&reader, to: &record.attributes, field: "attributes", of: message)
            case .droppedAttributesCount:
                record.droppedAttributesCount = try reader.readUInt32Field("droppedAttributesCount", of: message)
            case .flags: record.flags = try reader.readUInt32Field("flags", of: message)
            case .traceID:
                let token = try reader.readIDField("traceId", of: message)
                if case .valid(let id) = reader.withContent(of: token, { OTLPJSONIDs.traceID($0) }) {
                    record.traceID = id
                } else {
                    record.traceID = nil
                }
            case .spanID:
                let token = try reader.readIDField("spanId", of: message)
                if case .valid(let id) = reader.withContent(of: token, { OTLPJSONIDs.spanID($0) }) {
                    record.spanID = id
                } else {
                    record.spanID = .none
                }
            case .eventName: record.eventName = try reader.readStringField("eventName", of: message, allowance: allowance)
            }
        }
        // What the log store keeps of it: less than its JSON text, plus its entry.
        try allowance.charge(LogStore.entryOverhead &+ (reader.offset &- start))
        return record
    }

    /// The JSON keys of the log record (see `JSONFieldTable` for the accepted spellings; the
    /// envelope's are `LogsEnvelope.jsonTables`).
    enum Tables {
        enum RecordField: Sendable {
            case time, observedTime, severityNumber, severityText, body, attributes, droppedAttributesCount
            case flags, traceID, spanID, eventName
        }
        static let record = JSONFieldTable<RecordField>([
            "timeUnixNano": .time, "observedTimeUnixNano": .observedTime, "severityNumber": .severityNumber,
            "severityText": .severityText, "body": .body, "attributes": .attributes,
            "droppedAttributesCount": .droppedAttributesCount, "flags": .flags, "traceId": .traceID,
            "spanId": .spanID, "eventName": .eventName,
        ])

        /// `SeverityNumber` names in wire-number order.
        static let severityNames: [String] = ["SEVERITY_NUMBER_UNSPECIFIED"] + ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
            .flatMap { level in ["", "2", "3", "4"].map { "SEVERITY_NUMBER_\(level)\($0)" } }
    }
}
