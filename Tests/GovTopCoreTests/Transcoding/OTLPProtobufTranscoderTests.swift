import Foundation
import GovTopCore
import OTLPProto
import SwiftProtobuf
import Testing

/// The transcoder against swift-protobuf as the oracle: a message built with the generated types,
/// serialized, transcoded to OTLP/JSON, and read back by swift-protobuf's JSON decoder is the same
/// message. swift-protobuf reads ids as base64 (protobuf's generic JSON mapping), so the hex ids of
/// OTLP/JSON are turned into base64 first; that they are hex is checked on the way.
@Suite struct OTLPProtobufTranscoderTests {
    typealias MetricsRequest = Opentelemetry_Proto_Collector_Metrics_V1_ExportMetricsServiceRequest
    typealias LogsRequest = Opentelemetry_Proto_Collector_Logs_V1_ExportLogsServiceRequest
    typealias TraceRequest = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest

    static let traceID = Data((1...16).map { UInt8($0) })
    static let spanID = Data([0xAA, 0xBB, 0xCC, 0xDD, 0, 1, 2, 3])

    static func keyValue(_ key: String, _ set: (inout Opentelemetry_Proto_Common_V1_AnyValue) -> Void) -> Opentelemetry_Proto_Common_V1_KeyValue {
        var attribute = Opentelemetry_Proto_Common_V1_KeyValue()
        attribute.key = key
        set(&attribute.value)
        return attribute
    }

    /// Every kind of AnyValue, nested.
    static let attributes = [
        keyValue("s") { $0.stringValue = "text with \"quotes\", \\ and a line\nbreak, é, 日本" },
        keyValue("b") { $0.boolValue = true },
        keyValue("i") { $0.intValue = -9_007_199_254_740_993 },
        keyValue("d") { $0.doubleValue = 0.1 },
        keyValue("bytes") { $0.bytesValue = Data([0, 255, 7]) },
        keyValue("array") { value in
            value.arrayValue.values = [.init(), { var v = Opentelemetry_Proto_Common_V1_AnyValue(); v.intValue = 3; return v }()]
        },
        keyValue("map") { value in
            value.kvlistValue.values = [keyValue("inner") { $0.doubleValue = -2.5e300 }]
        },
    ]

    static func metrics() -> MetricsRequest {
        var exemplar = Opentelemetry_Proto_Metrics_V1_Exemplar()
        exemplar.traceID = traceID
        exemplar.spanID = spanID
        exemplar.timeUnixNano = 1_700_000_000_000_000_001
        exemplar.asInt = -4
        exemplar.filteredAttributes = [keyValue("user") { $0.stringValue = "u1" }]

        var number = Opentelemetry_Proto_Metrics_V1_NumberDataPoint()
        number.attributes = attributes
        number.startTimeUnixNano = 1
        number.timeUnixNano = UInt64.max
        number.asDouble = .nan
        number.exemplars = [exemplar]
        number.flags = 1
        var gauge = Opentelemetry_Proto_Metrics_V1_Metric()
        gauge.name = "queue.depth"
        gauge.description_p = "depth"
        gauge.unit = "{item}"
        gauge.gauge.dataPoints = [number, { var p = number; p.asDouble = -.infinity; return p }()]

        var sum = Opentelemetry_Proto_Metrics_V1_Metric()
        sum.name = "requests"
        sum.sum.aggregationTemporality = .cumulative
        sum.sum.isMonotonic = true
        sum.sum.dataPoints = [{ var p = Opentelemetry_Proto_Metrics_V1_NumberDataPoint(); p.asInt = Int64.min; return p }()]

        var histogram = Opentelemetry_Proto_Metrics_V1_Metric()
        histogram.name = "latency"
        histogram.histogram.aggregationTemporality = .delta
        var bucketPoint = Opentelemetry_Proto_Metrics_V1_HistogramDataPoint()
        bucketPoint.count = 10
        bucketPoint.sum = 0
        bucketPoint.bucketCounts = [1, 0, 9]
        bucketPoint.explicitBounds = [0.5, 1e-7]
        bucketPoint.min = -1
        bucketPoint.max = 12.25
        histogram.histogram.dataPoints = [bucketPoint]

        var exponential = Opentelemetry_Proto_Metrics_V1_Metric()
        exponential.name = "latency.exp"
        var expPoint = Opentelemetry_Proto_Metrics_V1_ExponentialHistogramDataPoint()
        expPoint.scale = -3
        expPoint.zeroCount = 2
        expPoint.positive.offset = -7
        expPoint.positive.bucketCounts = [1, UInt64.max]
        expPoint.negative.offset = 4
        expPoint.zeroThreshold = 1e-9
        expPoint.exemplars = [exemplar]
        exponential.exponentialHistogram.dataPoints = [expPoint]

        var summary = Opentelemetry_Proto_Metrics_V1_Metric()
        summary.name = "sizes"
        var summaryPoint = Opentelemetry_Proto_Metrics_V1_SummaryDataPoint()
        summaryPoint.count = 3
        summaryPoint.sum = 7.5
        summaryPoint.quantileValues = [{ var q = Opentelemetry_Proto_Metrics_V1_SummaryDataPoint.ValueAtQuantile(); q.quantile = 0.99; q.value = 3; return q }()]
        summary.summary.dataPoints = [summaryPoint]
        summary.metadata = [keyValue("m") { $0.stringValue = "v" }]

        var scope = Opentelemetry_Proto_Metrics_V1_ScopeMetrics()
        scope.scope.name = "meter"
        scope.scope.version = "1"
        scope.scope.attributes = [keyValue("scope.attr") { $0.boolValue = false }]
        scope.scope.droppedAttributesCount = 3
        scope.metrics = [gauge, sum, histogram, exponential, summary]
        scope.schemaURL = "https://opentelemetry.io/schemas/1.26.0"
        var resource = Opentelemetry_Proto_Metrics_V1_ResourceMetrics()
        resource.resource.attributes = [keyValue("service.name") { $0.stringValue = "svc" }]
        var entity = Opentelemetry_Proto_Common_V1_EntityRef()
        entity.type = "service"
        entity.idKeys = ["service.name", "service.instance.id"]
        resource.resource.entityRefs = [entity]
        resource.scopeMetrics = [scope]
        var request = MetricsRequest()
        request.resourceMetrics = [resource, .init()]
        return request
    }

    static func logs() -> LogsRequest {
        var record = Opentelemetry_Proto_Logs_V1_LogRecord()
        record.timeUnixNano = 1_700_000_000_000_000_000
        record.observedTimeUnixNano = 1_700_000_000_000_000_500
        record.severityNumber = .error
        record.severityText = "ERROR"
        record.body.kvlistValue.values = attributes
        record.attributes = attributes
        record.droppedAttributesCount = 2
        record.flags = 0xFFFF_FFFF
        record.traceID = traceID
        record.spanID = spanID
        record.eventName = "gen_ai.client.inference.operation.details"
        var unknownSeverity = Opentelemetry_Proto_Logs_V1_LogRecord()
        unknownSeverity.severityNumber = .UNRECOGNIZED(99)
        unknownSeverity.body.stringValue = "plain"
        var scope = Opentelemetry_Proto_Logs_V1_ScopeLogs()
        scope.logRecords = [record, unknownSeverity]
        var resource = Opentelemetry_Proto_Logs_V1_ResourceLogs()
        resource.scopeLogs = [scope]
        var request = LogsRequest()
        request.resourceLogs = [resource]
        return request
    }

    static func traces() -> TraceRequest {
        var span = Opentelemetry_Proto_Trace_V1_Span()
        span.traceID = traceID
        span.spanID = spanID
        span.parentSpanID = Data([9, 8, 7, 6, 5, 4, 3, 2])
        span.traceState = "k=v"
        span.flags = 0x100
        span.name = "chat gpt-4o"
        span.kind = .client
        span.startTimeUnixNano = 5
        span.endTimeUnixNano = 6
        span.attributes = attributes
        var event = Opentelemetry_Proto_Trace_V1_Span.Event()
        event.name = "e"
        event.timeUnixNano = 5
        span.events = [event]
        var link = Opentelemetry_Proto_Trace_V1_Span.Link()
        link.traceID = traceID
        link.spanID = spanID
        span.links = [link]
        span.status.code = .error
        span.status.message = "boom"
        var scope = Opentelemetry_Proto_Trace_V1_ScopeSpans()
        scope.spans = [span]
        var resource = Opentelemetry_Proto_Trace_V1_ResourceSpans()
        resource.scopeSpans = [scope]
        var request = TraceRequest()
        request.resourceSpans = [resource]
        return request
    }

    /// Transcodes `message`, checks the ids are hex, and decodes the JSON back with swift-protobuf.
    static func roundTrip<M: SwiftProtobuf.Message>(_ message: M, as kind: OTLPMessage) throws -> (M, OTLPJSONNode) {
        let bytes: [UInt8] = try message.serializedBytes()
        let node = try bytes.withUnsafeBytes { try OTLPProtobufTranscoder.transcode($0, as: kind) }
        let text = String(decoding: node.encoded(), as: UTF8.self)
        #expect(!text.contains("\n"))
        let base64IDs = try base64(ids: node)
        let decoded = try M(jsonUTF8Bytes: base64IDs.encoded())
        return (decoded, node)
    }

    /// The node with every hex id as base64 (failing when an id is not 16 or 32 lower-case hex digits).
    static func base64(ids node: OTLPJSONNode) throws -> OTLPJSONNode {
        switch node {
        case .object(let members):
            return .object(try members.map { member in
                if ["traceId", "spanId", "parentSpanId"].contains(member.key), case .string(let hex) = member.value {
                    #expect(hex.count == 16 || hex.count == 32, "\(member.key) \(hex)")
                    #expect(hex.allSatisfy { "0123456789abcdef".contains($0) }, "\(member.key) \(hex)")
                    let bytes = stride(from: 0, to: hex.count, by: 2).map { offset in
                        UInt8(hex.dropFirst(offset).prefix(2), radix: 16) ?? 0
                    }
                    return .init(member.key, .string(Data(bytes).base64EncodedString()))
                }
                return .init(member.key, try base64(ids: member.value))
            })
        case .array(let elements):
            return .array(try elements.map(base64(ids:)))
        default:
            return node
        }
    }

    @Test func metricsOfEveryKindSurviveTheRoundTrip() throws {
        let original = Self.metrics()
        let (decoded, node) = try Self.roundTrip(original, as: .exportMetricsServiceRequest)
        // NaN is never equal to itself: compare the NaN point apart.
        var expected = original
        var actual = decoded
        let nanPath = \MetricsRequest.resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0]
        #expect(actual[keyPath: nanPath].asDouble.isNaN)
        expected[keyPath: nanPath].asDouble = 0
        actual[keyPath: nanPath].asDouble = 0
        #expect(actual == expected)
        let text = String(decoding: node.encoded(), as: UTF8.self)
        #expect(text.contains(#""asDouble":"NaN""#))
        #expect(text.contains(#""asDouble":"-Infinity""#))
        #expect(text.contains(#""timeUnixNano":"18446744073709551615""#))
        #expect(text.contains(#""aggregationTemporality":2"#), "enums are numbers")
        #expect(text.contains(#""bucketCounts":["1","0","9"]"#), "packed fixed64 as strings")
    }

    @Test func logsSurviveTheRoundTrip() throws {
        let original = Self.logs()
        let (decoded, node) = try Self.roundTrip(original, as: .exportLogsServiceRequest)
        #expect(decoded == original)
        let text = String(decoding: node.encoded(), as: UTF8.self)
        #expect(text.contains(#""traceId":"0102030405060708090a0b0c0d0e0f10""#))
        #expect(text.contains(#""spanId":"aabbccdd00010203""#))
        #expect(text.contains(#""severityNumber":17"#))
        #expect(text.contains(#""flags":4294967295"#))
    }

    @Test func tracesSurviveTheRoundTripAndMatchTheEncoder() throws {
        let original = Self.traces()
        let (decoded, node) = try Self.roundTrip(original, as: .exportTraceServiceRequest)
        #expect(decoded == original)
        // The same request through govtop's decoder and OTLP/JSON encoder reads back the same.
        let bytes: [UInt8] = try original.serializedBytes()
        let batch = try bytes.withUnsafeBytes { try OTLPProtobufDecoder.decodeTraces($0) }
        let encoded = OTLPJSONEncoder.encode(batch)
        let fromEncoder = try encoded.withUnsafeBytes { try OTLPJSONDecoder.decodeTraces($0) }
        let fromTranscoder = try node.encoded().withUnsafeBytes { try OTLPJSONDecoder.decodeTraces($0) }
        #expect(fromTranscoder == fromEncoder)
    }

    @Test(arguments: [
        ("truncated varint", [0x0A, 0x80] as [UInt8]),
        ("length past the end", [0x0A, 0x05, 0x01]),
        ("wrong wire type", [0x09, 0, 0, 0, 0, 0, 0, 0, 0]),
        ("wire type 3", [0x0B]),
    ])
    func hostileBytesAreErrors(_ name: String, _ bytes: [UInt8]) {
        #expect(throws: OTLPDecodeError.self, "\(name)") {
            try bytes.withUnsafeBytes { try OTLPProtobufTranscoder.transcode($0, as: .exportLogsServiceRequest) }
        }
    }

    @Test func unknownFieldsAreSkipped() throws {
        // Field 99 (varint) before the known field 1.
        var bytes: [UInt8] = [0x98, 0x06, 0x01]
        bytes += try Self.logs().serializedBytes() as [UInt8]
        let node = try bytes.withUnsafeBytes { try OTLPProtobufTranscoder.transcode($0, as: .exportLogsServiceRequest) }
        #expect(try LogsRequest(jsonUTF8Bytes: Self.base64(ids: node).encoded()) == Self.logs())
    }

    @Test func nestingIsBounded() {
        // AnyValue{arrayValue{values: AnyValue{arrayValue{...}}}} deeper than maxDepth.
        var value: [UInt8] = []
        for _ in 0..<(OTLPProtobufTranscoder.maxDepth / 2 + 1) {
            let array = [0x0A] + varint(value.count) + value          // ArrayValue.values (1)
            value = [0x2A] + varint(array.count) + array               // AnyValue.arrayValue (5)
        }
        #expect(throws: OTLPDecodeError.self) {
            try value.withUnsafeBytes { try OTLPProtobufTranscoder.transcode($0, as: .anyValue) }
        }
    }

    private func varint(_ value: Int) -> [UInt8] {
        var value = UInt64(value)
        var out: [UInt8] = []
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
        return out
    }
}
