import Foundation
import GovTopCore

/// One line of a record file made ready to send: which OTLP/HTTP path it goes to, the body
/// (compact OTLP/JSON), when its data ended and how many items it carries.
///
/// Lines are read as the OpenTelemetry Collector's `file` exporter and govtop's `--record` write
/// them: one `ExportTraceServiceRequest`, `ExportMetricsServiceRequest` or
/// `ExportLogsServiceRequest` per line, in OTLP/JSON. Also accepted, as protobuf's generic JSON
/// mapping writes them (Python's `MessageToJson`): snake_case keys, and trace and span ids in
/// base64, which are sent as hex as OTLP/JSON requires.
public struct RecordedExport: Sendable, Hashable {
    public var signal: RecordedSignal
    public var body: [UInt8]
    /// How `body` is encoded: trace exports are sent as OTLP/protobuf (a third of their JSON size,
    /// so a large recorded batch stays within the receiver's limits) when govtop's decoder reads
    /// every span of the line; otherwise, and for metrics and logs, as the JSON line.
    public var content: ExportContent
    /// The latest timestamp in the export (span end, data point or log record time), when any: the
    /// export left its sender at about that moment. Collector files carry no arrival time.
    public var timeUnixNano: UInt64?
    /// Spans, data points or log records.
    public var items: Int

    /// Nil for a blank line.
    public static func parse(_ line: [UInt8]) throws(ReplayError) -> RecordedExport? {
        guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { return nil }
        let parsed = line.withUnsafeBytes { bytes in
            Result { () throws(OTLPDecodeError) in try OTLPJSONNode.parse(bytes) }
        }
        let node: OTLPJSONNode
        switch parsed {
        case .success(let value): node = value
        case .failure(let error): throw ReplayError("not valid JSON: \(error.message)")
        }
        guard case .object(let members) = node else { throw ReplayError("not a JSON object: each line must be one OTLP/JSON export request") }
        guard let signal = RecordedSignal.allCases.first(where: { node[$0.topLevelKey] != nil }) else {
            let keys = members.prefix(3).map(\.key).joined(separator: ", ")
            throw ReplayError("is not an OTLP export request: it has none of resourceSpans, resourceMetrics, resourceLogs (found \(keys.isEmpty ? "an empty object" : keys))")
        }
        var scan = Scan(signal: signal)
        let json = scan.normalized(node, key: nil).encoded()
        if signal == .traces, let protobuf = protobuf(traces: json) {
            return RecordedExport(signal: signal, body: protobuf, content: .protobuf, timeUnixNano: scan.latest, items: scan.items)
        }
        return RecordedExport(signal: signal, body: json, content: .json, timeUnixNano: scan.latest, items: scan.items)
    }

    /// The trace export as OTLP/protobuf; nil when the decoder drops anything (a bad id, a null
    /// item): then the line goes as JSON and the receiver judges it as it was recorded.
    private static func protobuf(traces json: [UInt8]) -> [UInt8]? {
        let limits = DecodeLimits(maxDecodedBytes: 1 << 40, maxDecodeRatio: 1 << 16)
        guard let batch = try? json.withUnsafeBytes({ bytes throws(OTLPDecodeError) in try OTLPJSONDecoder.decodeTraces(bytes, limits: limits) }),
              batch.rejectedSpans == 0, batch.nullItemsDropped == 0 else { return nil }
        return OTLPProtobufEncoder.encode(batch)
    }

    /// One walk over the request: ids to hex, the latest time, the items counted.
    private struct Scan {
        let signal: RecordedSignal
        var latest: UInt64?
        var items = 0

        static let idKeys: Set<String> = ["traceId", "spanId", "parentSpanId"]
        static let timeKeys: Set<String> = ["endTimeUnixNano", "timeUnixNano", "observedTimeUnixNano"]

        mutating func normalized(_ node: OTLPJSONNode, key: String?) -> OTLPJSONNode {
            switch node {
            case .object(let members):
                return .object(members.map { .init($0.key, normalized($0.value, key: $0.key)) })
            case .array(let elements):
                if key == signal.itemsKey { items += elements.count }
                return .array(elements.map { normalized($0, key: nil) })
            case .string(let text):
                if let key, Self.idKeys.contains(key) { return .string(Self.hexID(text)) }
                if let key, Self.timeKeys.contains(key), let time = UInt64(text) { note(time) }
                return node
            case .number(let text):
                if let key, Self.timeKeys.contains(key), let time = UInt64(text) { note(time) }
                return node
            case .bool, .null:
                return node
            }
        }

        mutating func note(_ time: UInt64) {
            latest = max(latest ?? 0, time)
        }

        /// Hex stays; base64 of 8 or 16 bytes becomes hex; anything else is left for the receiver to judge.
        static func hexID(_ text: String) -> String {
            let isHex = text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
            if isHex && (text.utf8.count == 32 || text.utf8.count == 16 || text.isEmpty) { return text }
            guard let bytes = Data(base64Encoded: text), bytes.count == 8 || bytes.count == 16 else { return text }
            let digits = Array("0123456789abcdef")
            return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
        }
    }
}

/// The OTLP signal of a recorded export.
public enum RecordedSignal: String, CaseIterable, Hashable, Sendable {
    case traces, metrics, logs

    /// The OTLP/HTTP path it is sent to.
    public var path: String { "/v1/" + rawValue }

    var topLevelKey: String {
        switch self {
        case .traces: "resourceSpans"
        case .metrics: "resourceMetrics"
        case .logs: "resourceLogs"
        }
    }

    /// The arrays whose elements are the items counted in progress lines.
    var itemsKey: String {
        switch self {
        case .traces: "spans"
        case .metrics: "dataPoints"
        case .logs: "logRecords"
        }
    }
}
