import Foundation
import GovTopCore
import OTLPProto
import SwiftProtobuf
import Testing

typealias ProtoLogRecord = Opentelemetry_Proto_Logs_V1_LogRecord

/// The logs decoders against records built and serialized with the generated types. OTLP/JSON
/// spells ids in hex where swift-protobuf's JSON writes base64, so the JSON test writes ids itself.
@Suite struct LogsDecoderOracleTests {
    static func request() -> ProtoLogsRequest {
        var records: [ProtoLogRecord] = []
        for index in 0..<6 {
            var record = ProtoLogRecord()
            record.timeUnixNano = 1_700_000_000_000_000_000 + UInt64(index)
            record.observedTimeUnixNano = index == 3 ? 42 : 0
            record.severityNumber = Opentelemetry_Proto_Logs_V1_SeverityNumber(rawValue: index * 4 + 1) ?? .unspecified
            record.severityText = index == 2 ? "" : "LEVEL\(index)"
            record.eventName = index % 2 == 0 ? "gen_ai.choice" : ""
            switch index {
            case 0: record.body.stringValue = "Paris."
            case 1: record.body.kvlistValue.values = [MetricsOracle.keyValue("role", "assistant")]
            case 2: record.body.intValue = -3
            default: break
            }
            record.attributes = [MetricsOracle.keyValue("gen_ai.system", "openai"), MetricsOracle.keyValue("n", "\(index)")]
            record.flags = UInt32(index)
            if index != 4 { record.traceID = Data((0..<16).map { UInt8($0 + index) }) }
            if index < 3 { record.spanID = Data((0..<8).map { UInt8($0 + 1) }) }
            if index == 5 { record.spanID = Data([1, 2, 3]) }
            records.append(record)
        }
        var scopeLogs = Opentelemetry_Proto_Logs_V1_ScopeLogs()
        scopeLogs.scope.name = "openai"
        scopeLogs.logRecords = records
        var resourceLogs = Opentelemetry_Proto_Logs_V1_ResourceLogs()
        resourceLogs.resource.attributes = [MetricsOracle.keyValue("service.name", "chatbot")]
        resourceLogs.scopeLogs = [scopeLogs]
        var request = ProtoLogsRequest()
        request.resourceLogs = [resourceLogs]
        return request
    }

    static func oracle(_ request: ProtoLogsRequest) -> LogBatch {
        LogBatch(resourceLogs: request.resourceLogs.map { resourceLogs in
            ResourceLogs(resource: Resource(attributes: OracleMapping.attributes(resourceLogs.resource.attributes)),
                         schemaURL: resourceLogs.schemaURL,
                         scopeLogs: resourceLogs.scopeLogs.map { scopeLogs in
                             ScopeLogs(scope: InstrumentationScope(name: scopeLogs.scope.name, version: scopeLogs.scope.version),
                                       schemaURL: scopeLogs.schemaURL, records: scopeLogs.logRecords.map(record))
                         })
        })
    }

    static func record(_ proto: ProtoLogRecord) -> LogRecord {
        var record = LogRecord()
        record.timeUnixNano = proto.timeUnixNano
        record.observedTimeUnixNano = proto.observedTimeUnixNano
        record.severityNumber = proto.severityNumber.rawValue
        record.severityText = proto.severityText
        record.eventName = proto.eventName
        record.body = proto.hasBody ? OracleMapping.value(proto.body) : .empty
        record.attributes = OracleMapping.attributes(proto.attributes)
        record.droppedAttributesCount = proto.droppedAttributesCount
        record.flags = proto.flags
        record.traceID = TraceID(bytes: proto.traceID).flatMap { $0.isValid ? $0 : nil }
        record.spanID = SpanID(bytes: proto.spanID) ?? .none
        return record
    }

    @Test func protobufMatchesTheOracle() throws {
        let request = Self.request()
        let decoded = try OTLPProtobufDecoder.decodeLogs(try request.serializedBytes())
        #expect(decoded == Self.oracle(request))
        #expect(decoded.recordCount == 6)
        let records = decoded.resourceLogs[0].scopeLogs[0].records
        #expect(records[4].traceID == nil)
        #expect(records[5].spanID == .none)
        #expect(records[2].severity == "INFO")
    }

    @Test func jsonWithHexIdsMatchesTheOracle() throws {
        let request = Self.request()
        // swift-protobuf writes bytes as base64; OTLP/JSON wants hex ids.
        var json = try request.jsonString()
        for record in request.resourceLogs[0].scopeLogs[0].logRecords {
            for id in [record.traceID, record.spanID] where !id.isEmpty {
                json = json.replacingOccurrences(of: "\"\(id.base64EncodedString())\"",
                                                 with: "\"\(id.map { String(format: "%02X", $0) }.joined())\"")
            }
        }
        let decoded = try OTLPJSONDecoder.decodeLogs(Array(json.utf8))
        #expect(decoded == Self.oracle(request))
    }

    @Test func severityNamesAreAcceptedInJSON() throws {
        let body = #"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityNumber":"SEVERITY_NUMBER_WARN2"},{"severityNumber":21}]}]}]}"#
        let records = try OTLPJSONDecoder.decodeLogs(Array(body.utf8)).resourceLogs[0].scopeLogs[0].records
        #expect(records.map(\.severityNumber) == [14, 21])
        #expect(records.map(\.severity) == ["WARN", "FATAL"])
    }

    @Test func aBodyNestedTooDeeplyIsRefused() throws {
        let value = ProtoAnyValue.nestedArrays(depth: 40)
        var request = Self.request()
        request.resourceLogs[0].scopeLogs[0].logRecords[0].body = value
        #expect(throws: OTLPDecodeError.self) { try OTLPProtobufDecoder.decodeLogs(try request.serializedBytes()) }
        #expect(throws: OTLPDecodeError.self) { try OTLPJSONDecoder.decodeLogs(Array(try request.jsonString().utf8)) }
    }
}
