import Foundation
import GovTopCore
import OTLPProto
import Testing

/// govtop's decoder against swift-protobuf on hand-made requests.
@Suite struct ProtobufDifferentialTests {
    @Test func emptyInputAndEmptyRequestDecodeToAnEmptyBatch() throws {
        #expect(try OTLPProtobufDecoder.decodeTraces([]) == TraceBatch())
        let bytes = try serialized(ProtoTraceRequest())
        #expect(bytes.isEmpty)
        var empty = ProtoTraceRequest()
        empty.resourceSpans = [ProtoResourceSpans()]
        #expect(try expectSameAsOracle(try serialized(empty)) == TraceBatch(resourceSpans: [ResourceSpans()]))
    }

    /// One span written out by hand on both sides, so a misunderstanding shared by the decoder
    /// and `OracleMapping` would still be caught.
    @Test func decodesEveryFieldOfASpanAsWritten() throws {
        var span = protoSpan(name: "chat gpt-4o")
        span.traceID = Data([0x5B, 0x8E, 0xFF, 0xF7, 0x98, 0x03, 0x81, 0x03, 0xD2, 0x69, 0xB6, 0x33, 0x81, 0x3F, 0xC6, 0x0C])
        span.spanID = Data([0xEE, 0xE1, 0x9B, 0x7E, 0xC3, 0xC1, 0xB1, 0x74])
        span.parentSpanID = Data([0, 0, 0, 0, 0, 0, 0, 1])
        span.traceState = "k=v"
        span.flags = 0x301
        span.kind = .client
        span.startTimeUnixNano = 1_700_000_000_000_000_000
        span.endTimeUnixNano = 1_700_000_001_500_000_000
        span.attributes = [keyValue("gen_ai.usage.input_tokens", .intValue(1200)), keyValue("genops.team", .stringValue("ml"))]
        span.droppedAttributesCount = 3
        var event = ProtoSpan.Event()
        event.timeUnixNano = 42
        event.name = "policy.evaluated"
        event.attributes = [keyValue("genops.policy.result", .stringValue("blocked"))]
        event.droppedAttributesCount = 1
        span.events = [event]
        span.droppedEventsCount = 4
        var link = ProtoSpan.Link()
        link.traceID = Data(repeating: 7, count: 16)
        link.spanID = Data(repeating: 8, count: 8)
        link.traceState = "a=b"
        link.flags = 1
        link.droppedAttributesCount = 2
        span.links = [link]
        span.droppedLinksCount = 5
        span.status.code = .error
        span.status.message = "rate limited"
        var resourceSpans = ProtoResourceSpans()
        resourceSpans.resource.attributes = [keyValue("service.name", .stringValue("checkout"))]
        resourceSpans.resource.droppedAttributesCount = 9
        resourceSpans.schemaURL = "https://opentelemetry.io/schemas/1.28.0"
        var scopeSpans = ProtoScopeSpans()
        scopeSpans.scope.name = "openai"
        scopeSpans.scope.version = "1.0"
        scopeSpans.scope.droppedAttributesCount = 6
        scopeSpans.schemaURL = "scope-schema"
        scopeSpans.spans = [span]
        resourceSpans.scopeSpans = [scopeSpans]
        var request = ProtoTraceRequest()
        request.resourceSpans = [resourceSpans]

        let expectedSpan = SpanRecord(
            traceID: TraceID(hex: "5b8efff798038103d269b633813fc60c")!, spanID: SpanID(hex: "eee19b7ec3c1b174")!,
            parentSpanID: SpanID(1), traceState: "k=v", flags: 0x301, name: "chat gpt-4o", kind: .client,
            startTimeUnixNano: 1_700_000_000_000_000_000, endTimeUnixNano: 1_700_000_001_500_000_000,
            attributes: [Attribute("gen_ai.usage.input_tokens", .int(1200)), Attribute("genops.team", .string("ml"))],
            droppedAttributesCount: 3,
            events: [SpanEvent(timeUnixNano: 42, name: "policy.evaluated",
                               attributes: [Attribute("genops.policy.result", .string("blocked"))], droppedAttributesCount: 1)],
            droppedEventsCount: 4,
            links: [SpanLink(traceID: TraceID(high: 0x0707_0707_0707_0707, low: 0x0707_0707_0707_0707),
                             spanID: SpanID(0x0808_0808_0808_0808), traceState: "a=b", droppedAttributesCount: 2, flags: 1)],
            droppedLinksCount: 5, statusCode: .error, statusMessage: "rate limited")
        let expected = TraceBatch(resourceSpans: [ResourceSpans(
            resource: Resource(attributes: [Attribute("service.name", .string("checkout"))], droppedAttributesCount: 9),
            schemaURL: "https://opentelemetry.io/schemas/1.28.0",
            scopeSpans: [ScopeSpans(scope: InstrumentationScope(name: "openai", version: "1.0", droppedAttributesCount: 6),
                                    schemaURL: "scope-schema", spans: [expectedSpan])])])
        #expect(try OTLPProtobufDecoder.decodeTraces(try serialized(request)) == expected)
        #expect(try expectSameAsOracle(try serialized(request)) == expected)
    }

    /// Spans that repeat an array (`finish_reasons`) share one decoded array; a different array is
    /// its own; both read as swift-protobuf reads them.
    @Test func repeatedArraysAreDecodedOnceAndShared() throws {
        func reasons(_ values: [String]) -> ProtoKeyValue {
            var array = Opentelemetry_Proto_Common_V1_ArrayValue()
            array.values = values.map { anyValue(.stringValue($0)) }
            return keyValue("gen_ai.response.finish_reasons", .arrayValue(array))
        }
        let spans = [["stop"], ["length"], ["stop"], ["stop", "length"]].enumerated().map { index, values in
            var span = protoSpan(name: "chat", spanByte: UInt8(index + 1))
            span.attributes = [reasons(values)]
            return span
        }
        let batch = try expectSameAsOracle(try serialized(request(spans)))
        let arrays = batch.resourceSpans[0].scopeSpans[0].spans.map { span -> [AttributeValue] in
            guard case .array(let values) = span.attributes[0].value else { return [] }
            return values
        }
        func storage(_ values: [AttributeValue]) -> UnsafeRawPointer? { values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(arrays[0] == [.string("stop")] && arrays[1] == [.string("length")])
        #expect(storage(arrays[0]) == storage(arrays[2]))
        #expect(storage(arrays[0]) != storage(arrays[1]) && storage(arrays[0]) != storage(arrays[3]))
    }

    @Test func everyAnyValueFormAndEmptyStrings() throws {
        var list = Opentelemetry_Proto_Common_V1_KeyValueList()
        list.values = [keyValue("inner", .boolValue(false)), keyValue("", .stringValue(""))]
        var array = Opentelemetry_Proto_Common_V1_ArrayValue()
        array.values = [anyValue(.intValue(1)), anyValue(nil), anyValue(.kvlistValue(list))]
        var span = protoSpan(name: "")
        span.attributes = [
            keyValue("string", .stringValue("text")), keyValue("empty.string", .stringValue("")),
            keyValue("bool", .boolValue(true)), keyValue("int", .intValue(-5)), keyValue("double", .doubleValue(0.25)),
            keyValue("bytes", .bytesValue(Data([0, 1, 255]))), keyValue("empty.bytes", .bytesValue(Data())),
            keyValue("array", .arrayValue(array)), keyValue("empty.array", .arrayValue(.init())),
            keyValue("kvlist", .kvlistValue(list)), keyValue("empty.kvlist", .kvlistValue(.init())),
            keyValue("unset", nil), keyValue("strindex", .stringValueStrindex(3)), ProtoKeyValue(),
        ]
        let batch = try expectSameAsOracle(try serialized(request([span])))
        let attributes = batch.resourceSpans[0].scopeSpans[0].spans[0].attributes
        #expect(attributes[key: "empty.string"] == .string(""))
        #expect(attributes[key: "empty.array"] == .array([]))
        #expect(attributes[key: "unset"] == .empty)
        #expect(attributes[key: "strindex"] == .empty)
        #expect(attributes.last == Attribute("", .empty))
    }

    @Test func extremeNumbersAndUnicode() throws {
        var span = protoSpan(name: "résumé 中文 😀 🇩🇪")
        span.startTimeUnixNano = .max
        span.flags = .max
        span.droppedAttributesCount = .max
        span.attributes = [
            keyValue("max", .intValue(.max)), keyValue("min", .intValue(.min)), keyValue("nan", .doubleValue(.nan)),
            keyValue("negative.nan", .doubleValue(-.nan)), keyValue("inf", .doubleValue(.infinity)),
            keyValue("-inf", .doubleValue(-.infinity)), keyValue("-0", .doubleValue(-0.0)),
            keyValue("tiny", .doubleValue(.leastNonzeroMagnitude)),
            keyValue("schlüssel.中文.😀", .stringValue("wert \u{0} \u{FFFD} \u{10FFFF}")),
        ]
        let batch = try expectSameAsOracle(try serialized(request([span])))
        let decoded = batch.resourceSpans[0].scopeSpans[0].spans[0]
        #expect(decoded.name == "résumé 中文 😀 🇩🇪")
        guard case .double(let nan) = decoded.attributes[key: "nan"], case .double(let zero) = decoded.attributes[key: "-0"] else {
            Issue.record("doubles did not decode as doubles")
            return
        }
        #expect(nan.isNaN)
        #expect(zero == 0 && zero.sign == .minus)
    }

    @Test func nestedArraysAndListsUpToTheLimit() throws {
        var deepList = Opentelemetry_Proto_Common_V1_KeyValueList()
        deepList.values = [ProtoKeyValue()]
        deepList.values[0].key = "deep"
        deepList.values[0].value = nestedArray(depth: 31)
        var span = protoSpan(name: "nested")
        span.attributes = [ProtoKeyValue(), keyValue("list", .kvlistValue(deepList))]
        span.attributes[0].key = "array"
        span.attributes[0].value = nestedArray(depth: 32)
        try expectSameAsOracle(try serialized(request([span])))
    }

    @Test func kindsAndStatusCodesIncludingUnknownNumbers() throws {
        let kinds: [ProtoSpan.SpanKind] = [.unspecified, .internal, .server, .client, .producer, .consumer, .UNRECOGNIZED(77), .UNRECOGNIZED(-1)]
        let codes: [Opentelemetry_Proto_Trace_V1_Status.StatusCode] = [.unset, .ok, .error, .UNRECOGNIZED(9), .UNRECOGNIZED(-3)]
        var spans: [ProtoSpan] = []
        for (index, kind) in kinds.enumerated() {
            var span = protoSpan(name: "span \(index)", spanByte: UInt8(index + 1))
            span.kind = kind
            span.status.code = codes[index % codes.count]
            spans.append(span)
        }
        let batch = try expectSameAsOracle(try serialized(request(spans)))
        let decoded = batch.resourceSpans[0].scopeSpans[0].spans
        #expect(decoded.map(\.kind) == [.unspecified, .internal, .server, .client, .producer, .consumer, .unspecified, .unspecified])
        #expect(decoded.map(\.statusCode) == [.unset, .ok, .error, .unset, .unset, .unset, .ok, .error])
    }

    @Test func multipleResourcesAndScopesKeepTheirOrder() throws {
        var request = ProtoTraceRequest()
        for resourceIndex in 0..<3 {
            var resourceSpans = ProtoResourceSpans()
            resourceSpans.resource.attributes = [keyValue("service.name", .stringValue("service-\(resourceIndex)"))]
            for scopeIndex in 0..<resourceIndex {
                var scopeSpans = ProtoScopeSpans()
                scopeSpans.scope.name = "scope-\(scopeIndex)"
                scopeSpans.spans = (0..<scopeIndex + 1).map { protoSpan(name: "s\(resourceIndex).\(scopeIndex).\($0)", spanByte: UInt8($0 + 1)) }
                resourceSpans.scopeSpans.append(scopeSpans)
            }
            request.resourceSpans.append(resourceSpans)
        }
        let batch = try expectSameAsOracle(try serialized(request))
        #expect(batch.resourceSpans.map(\.resource.serviceName) == ["service-0", "service-1", "service-2"])
        #expect(batch.spanCount == 4)
    }

    /// Equal strings at different places in a request may share storage (the decoder's string
    /// cache); strings that agree in length and in their first and last eight bytes but differ
    /// in the middle must still come out different.
    @Test func repeatedAndLookAlikeStringsStayDistinct() throws {
        let values = ["model-aaaa-XXXXX-suffix", "model-aaaa-YYYYY-suffix", "model-aaaa-XXXXX-suffix",
                      "gen_ai.usage.input_tokenz", "gen_ai.usage.input_tokens", "gen_ai.usage.inpXt_tokens"]
        let spans = values.enumerated().map { index, value in
            var span = protoSpan(name: value, spanByte: UInt8(index + 1))
            span.attributes = [keyValue(value, .stringValue(value))]
            return span
        }
        let batch = try expectSameAsOracle(try serialized(request(spans)))
        let decoded = batch.resourceSpans[0].scopeSpans[0].spans
        #expect(decoded.map(\.name) == values)
        #expect(decoded.map { $0.attributes[0].key } == values)
        #expect(decoded.map { $0.attributes[0].value } == values.map { .string($0) })
    }

    @Test func theBenchmarkShapedBatch() throws {
        var spans: [ProtoSpan] = []
        for index in 0..<64 {
            var span = protoSpan(name: "chat gpt-4o-2024-08-06", spanByte: UInt8(index + 1))
            span.attributes = WellKnownKeysSample.keys.map { keyValue($0, .stringValue("value of \($0)")) }
            spans.append(span)
        }
        try expectSameAsOracle(try serialized(request(spans)))
    }
}

enum WellKnownKeysSample {
    static let keys = [
        "service.name", "gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model", "gen_ai.response.model",
        "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.cache_read.input_tokens",
        "genops.team", "genops.project", "genops.customer_id", "genops.cost.total", "genops.budget.alert_threshold",
        "gen_ai.evaluation.score.value", "llm.token_count.completion", "deployment.environment.name",
    ]
}
