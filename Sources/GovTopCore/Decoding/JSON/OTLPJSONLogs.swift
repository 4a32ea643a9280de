/// Decodes an OTLP/JSON `ExportLogsServiceRequest` straight into a `LogBatch`, with the trace
/// decoder's rules. A trace or span id that is not valid hex of the right length, or all zero,
/// is dropped (the record is kept, tied to no span): both ids are optional on a log record.
struct OTLPJSONLogs {
    private let allowance: DecodeAllowance
    private var values: OTLPJSONValues

    init(limits: DecodeLimits, allowance: DecodeAllowance) {
        self.allowance = allowance
        values = OTLPJSONValues(limits: limits, allowance: allowance)
    }

    mutating func decode(_ reader: inout JSONReader) throws(OTLPDecodeError) -> LogBatch {
        var batch = LogBatch()
        let kind = try reader.peekKind()
        guard kind == .object else {
            throw reader.error("OTLP/JSON payload must be a JSON object, found \(kind.article)")
        }
        try reader.readObject("ExportLogsServiceRequest", table: Tables.request) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            try reader.readArray("resourceLogs", of: "ExportLogsServiceRequest") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                try allowance.append(try resourceLogs(&reader), to: &batch.resourceLogs)
            }
        }
        try reader.finish()
        return batch
    }

    private mutating func resourceLogs(_ reader: inout JSONReader) throws(OTLPDecodeError) -> ResourceLogs {
        var result = ResourceLogs()
        try reader.readObject("ResourceLogs", table: Tables.resourceLogs) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .resource: result.resource = try values.resource(&reader)
            case .schemaURL: result.schemaURL = try reader.readStringField("schemaUrl", of: "ResourceLogs", allowance: allowance)
            case .scopeLogs:
                try reader.readArray("scopeLogs", of: "ResourceLogs") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.append(try scopeLogs(&reader), to: &result.scopeLogs)
                }
            }
        }
        return result
    }

    private mutating func scopeLogs(_ reader: inout JSONReader) throws(OTLPDecodeError) -> ScopeLogs {
        var result = ScopeLogs()
        try reader.readObject("ScopeLogs", table: Tables.scopeLogs) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .scope: result.scope = try values.scope(&reader)
            case .schemaURL: result.schemaURL = try reader.readStringField("schemaUrl", of: "ScopeLogs", allowance: allowance)
            case .logRecords:
                try reader.readArray("logRecords", of: "ScopeLogs") { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.append(try record(&reader), to: &result.records)
                }
            }
        }
        return result
    }

    private mutating func record(_ reader: inout JSONReader) throws(OTLPDecodeError) -> LogRecord {
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

    /// The JSON keys of the logs messages (see `JSONFieldTable` for the accepted spellings).
    enum Tables {
        enum RequestField: Sendable { case resourceLogs }
        static let request = JSONFieldTable<RequestField>(["resourceLogs": .resourceLogs])

        enum ResourceLogsField: Sendable { case resource, scopeLogs, schemaURL }
        static let resourceLogs = JSONFieldTable<ResourceLogsField>([
            "resource": .resource, "scopeLogs": .scopeLogs, "schemaUrl": .schemaURL,
        ])

        enum ScopeLogsField: Sendable { case scope, logRecords, schemaURL }
        static let scopeLogs = JSONFieldTable<ScopeLogsField>([
            "scope": .scope, "logRecords": .logRecords, "schemaUrl": .schemaURL,
        ])

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
