import GovTopCore
import Testing

/// The resource → scope envelope that metrics and logs share (one reader for protobuf, one for
/// JSON, generic over the signal): the same request, decoded as either signal, keeps the same
/// resources, scopes, schema URLs and item counts, names the signal's own messages in its errors,
/// and charges its arrays to the allowance.
@Suite struct SignalEnvelopeTests {
    enum Signal: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case logs, metrics

        var testDescription: String { rawValue }
        var resources: String { self == .logs ? "resourceLogs" : "resourceMetrics" }
        var scopes: String { self == .logs ? "scopeLogs" : "scopeMetrics" }
        var items: String { self == .logs ? "logRecords" : "metrics" }
        var request: String { self == .logs ? "ExportLogsServiceRequest" : "ExportMetricsServiceRequest" }
        var resource: String { self == .logs ? "ResourceLogs" : "ResourceMetrics" }
        var scope: String { self == .logs ? "ScopeLogs" : "ScopeMetrics" }
        var item: String { self == .logs ? "LogRecord" : "Metric" }

        /// `template` with `RES`, `SCOPES` and `ITEMS` replaced by the signal's keys.
        func json(_ template: String, snakeCase: Bool = false) -> [UInt8] {
            func key(_ camel: String) -> String {
                snakeCase ? camel.reduce(into: "") { $0 += $1.isUppercase ? "_" + $1.lowercased() : String($1) } : camel
            }
            return Array(template.replacingOccurrences(of: "RES", with: key(resources))
                .replacingOccurrences(of: "SCOPES", with: key(scopes)).replacingOccurrences(of: "ITEMS", with: key(items))
                .replacingOccurrences(of: "schemaUrl", with: key("schemaUrl")).utf8)
        }

        func decode(_ bytes: [UInt8], protobuf: Bool, limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> Envelope {
            switch (self, protobuf) {
            case (.logs, true): Envelope(try OTLPProtobufDecoder.decodeLogs(bytes, limits: limits))
            case (.logs, false): Envelope(try OTLPJSONDecoder.decodeLogs(bytes, limits: limits))
            case (.metrics, true): Envelope(try OTLPProtobufDecoder.decodeMetrics(bytes, limits: limits))
            case (.metrics, false): Envelope(try OTLPJSONDecoder.decodeMetrics(bytes, limits: limits))
            }
        }

        func error(_ bytes: [UInt8], protobuf: Bool, limits: DecodeLimits = DecodeLimits()) -> OTLPDecodeError? {
            do throws(OTLPDecodeError) {
                _ = try decode(bytes, protobuf: protobuf, limits: limits)
                return nil
            } catch {
                return error
            }
        }
    }

    /// What the envelope kept, whatever the signal.
    struct Envelope: Equatable {
        struct ScopeGroup: Equatable {
            var name: String, version: String, schemaURL: String, items: Int
        }

        struct ResourceGroup: Equatable {
            var attributes: [String], schemaURL: String, scopes: [ScopeGroup]
        }

        var resources: [ResourceGroup]

        init(resources: [ResourceGroup]) {
            self.resources = resources
        }

        init(_ batch: LogBatch) {
            resources = batch.resourceLogs.map { resource in
                ResourceGroup(attributes: resource.resource.attributes.map(\.key), schemaURL: resource.schemaURL, scopes: resource.scopeLogs.map {
                    ScopeGroup(name: $0.scope.name, version: $0.scope.version, schemaURL: $0.schemaURL, items: $0.records.count)
                })
            }
        }

        init(_ batch: MetricBatch) {
            resources = batch.resourceMetrics.map { resource in
                ResourceGroup(attributes: resource.resource.attributes.map(\.key), schemaURL: resource.schemaURL, scopes: resource.scopeMetrics.map {
                    ScopeGroup(name: $0.scope.name, version: $0.scope.version, schemaURL: $0.schemaURL, items: $0.metrics.count)
                })
            }
        }
    }

    static let expected = Envelope(resources: [
        .init(attributes: ["service.name", "host.name"], schemaURL: "https://schemas/1", scopes: [
            .init(name: "s1", version: "1.0", schemaURL: "https://scope/1", items: 2),
            .init(name: "s2", version: "", schemaURL: "", items: 0),
        ]),
        .init(attributes: [], schemaURL: "", scopes: []),
    ])

    static func attribute(_ key: String, _ value: String) -> [UInt8] {
        Wire.lengthDelimited(1, Wire.string(1, key) + Wire.lengthDelimited(2, Wire.string(1, value)))
    }

    /// The same bytes for both signals: their envelopes use the same field numbers. The `Resource`
    /// is given twice (protobuf merges it) and so is the schema URL (the last wins); unknown fields
    /// of every wire type stand between the known ones; the items are empty messages.
    static let protobufRequest: [UInt8] =
        Wire.lengthDelimited(1, Wire.lengthDelimited(1, attribute("service.name", "a")) + Wire.string(3, "https://schemas/0")
            + Wire.lengthDelimited(2, Wire.lengthDelimited(1, Wire.string(1, "s1") + Wire.string(2, "1.0"))
                + Wire.lengthDelimited(2, []) + Wire.unknownFieldsOfEveryType + Wire.lengthDelimited(2, [])
                + Wire.string(3, "https://scope/1"))
            + Wire.unknownFieldsOfEveryType + Wire.lengthDelimited(1, attribute("host.name", "h"))
            + Wire.lengthDelimited(2, Wire.lengthDelimited(1, Wire.string(1, "s2"))) + Wire.string(3, "https://schemas/1"))
        + Wire.unknownFieldsOfEveryType + Wire.lengthDelimited(1, [])

    /// The same request in JSON: `null` elements of the envelope's arrays are skipped, unknown
    /// keys too, and a key given twice keeps its last value.
    static let jsonTemplate = #"""
        {"RES":[null,{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}},
            {"key":"host.name","value":{"stringValue":"h"}}]},"schemaUrl":"https://schemas/0",
          "SCOPES":[{"scope":{"name":"s1","version":"1.0"},"ITEMS":[{},null,{}],"unknown":[1,{"x":[]}],
            "schemaUrl":"https://scope/1"},null,{"scope":{"name":"s2"}}],
          "schemaUrl":"https://schemas/1"},{}],
         "unknown":{"RES":7}}
        """#

    @Test(arguments: Signal.allCases)
    func protobufKeepsTheEnvelope(signal: Signal) throws {
        #expect(try signal.decode(Self.protobufRequest, protobuf: true) == Self.expected)
    }

    @Test(arguments: Signal.allCases, [false, true])
    func jsonKeepsTheEnvelope(signal: Signal, snakeCase: Bool) throws {
        #expect(try signal.decode(signal.json(Self.jsonTemplate, snakeCase: snakeCase), protobuf: false) == Self.expected)
    }

    /// A million empty scopes in one resource: the scope array is charged before it grows.
    @Test(arguments: Signal.allCases, [false, true])
    func emptyScopesInBulkFailWithTheAllocationLimit(signal: Signal, protobuf: Bool) {
        let count = 1 << 20
        let bytes = protobuf
            ? Wire.lengthDelimited(1, Array(repeating: Wire.lengthDelimited(2, []), count: count).flatMap { $0 })
            : signal.json(#"{"RES":[{"SCOPES":["# + Array(repeating: "{}", count: count).joined(separator: ",") + "]}]}")
        let error = signal.error(bytes, protobuf: protobuf, limits: DecodeLimits(maxDecodedBytes: 8 << 20))
        #expect(error?.kind == .allocationLimit(8 << 20))
    }

    @Test(arguments: Signal.allCases)
    func jsonErrorsNameTheSignalsMessages(signal: Signal) {
        let cases: [(String, String, String)] = [
            ("", "[]", "OTLP/JSON payload must be a JSON object, found an array"),
            (#"{"RES":"#, "{}}", "field '\(signal.resources)' of \(signal.request) must be an array, found an object"),
            (#"{"RES":["#, "7]}", "\(signal.resource) must be a JSON object, found a number"),
            (#"{"RES":[{"SCOPES":"#, "7}]}", "field '\(signal.scopes)' of \(signal.resource) must be an array, found a number"),
            (#"{"RES":[{"schemaUrl":"#, "7}]}", "field 'schemaUrl' of \(signal.resource) must be a string, found a number"),
            (#"{"RES":[{"SCOPES":["#, "[]]}]}", "\(signal.scope) must be a JSON object, found an array"),
            (#"{"RES":[{"SCOPES":[{"ITEMS":"#, "{}}]}]}", "field '\(signal.items)' of \(signal.scope) must be an array, found an object"),
            (#"{"RES":[{"SCOPES":[{"schemaUrl":"#, "[]}]}]}", "field 'schemaUrl' of \(signal.scope) must be a string, found an array"),
            (#"{"RES":[{"SCOPES":[{"ITEMS":["#, "1]}]}]}", "\(signal.item) must be a JSON object, found a number"),
        ]
        for (prefix, rest, message) in cases {
            let at = signal.json(prefix).count
            let error = signal.error(signal.json(prefix + rest), protobuf: false)
            #expect(error?.message == "\(message) at byte \(at) (line 1, column \(at + 1))", "\(prefix + rest)")
        }
    }

    @Test(arguments: Signal.allCases)
    func protobufErrorsNameTheSignalsMessages(signal: Signal) {
        let cases: [([UInt8], String)] = [
            (Wire.varintField(1, 5), "field 1 of \(signal.request) has wire type"),
            (Wire.lengthDelimited(1, Wire.varintField(2, 5)), "field 2 of \(signal.resource) has wire type"),
            (Wire.lengthDelimited(1, Wire.varintField(3, 5)), "field 3 of \(signal.resource) has wire type"),
            (Wire.lengthDelimited(1, Wire.lengthDelimited(2, Wire.varintField(2, 5))), "field 2 of \(signal.scope) has wire type"),
            (Wire.lengthDelimited(1, Wire.lengthDelimited(2, Wire.lengthDelimited(2, [0x07]))), "in \(signal.item) at byte"),
        ]
        for (bytes, message) in cases {
            let error = signal.error(bytes, protobuf: true)
            #expect(error?.message.contains(message) == true, "\(String(describing: error)) for \(bytes)")
        }
    }
}
