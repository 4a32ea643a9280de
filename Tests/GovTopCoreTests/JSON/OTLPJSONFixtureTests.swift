import Testing
import GovTopCore

/// One fixture per OTLP/JSON rule, each with expectations on the decoded model.
@Suite struct OTLPJSONFixtureTests {
    private let traceID = TraceID(high: 0x5b8e_fff7_9803_8103, low: 0xd269_b633_813f_c60c)

    @Test func hexIDsInAnyCase() throws {
        let batch = try JSONFixtures.traces("ids-hex-any-case")
        #expect(batch.rejectedSpans == 0)
        let spans = JSONFixtures.spans(batch)
        #expect(spans.count == 5)
        #expect(spans.allSatisfy { $0.traceID == traceID })
        #expect(spans.map(\.spanID.value) == [0xeee1_9b7e_c3c1_b174, 0xeee1_9b7e_c3c1_b173, 0xeee1_9b7e_c3c1_b172,
                                             0xeee1_9b7e_c3c1_b171, 0xeee1_9b7e_c3c1_b170])
        #expect(spans.map(\.parentSpanID) == [.none, SpanID(0xeee1_9b7e_c3c1_b174), .none, .none, .none])
        let links = spans[4].links
        #expect(links.count == 2)
        #expect(links.allSatisfy { $0.traceID.hex == "0af7651916cd43dd8448eb211c80319c" })
        #expect(links.map(\.spanID.hex) == ["b7ad6b7169203331", "b7ad6b7169203332"])
        #expect(links[0].traceState == "vendor=1")
        #expect(links[0].flags == 1)
        #expect(spans[0].startTimeUnixNano == 1_700_000_000_000_000_000)
        #expect(spans[0].durationNanos == 500_000_000)
    }

    @Test func invalidIDsRejectTheirSpanOnly() throws {
        let batch = try JSONFixtures.traces("ids-invalid")
        #expect(JSONFixtures.spans(batch).map(\.name) == ["good before", "good with bad links"])
        #expect(batch.rejectedSpans == 8)
        #expect(batch.rejectionMessage == "span 'short trace id' has an invalid traceId (30 characters, want 32 hex digits)")
        #expect(batch.resourceSpans.first?.resource.serviceName == "ids")
        let links = try #require(JSONFixtures.span(batch, named: "good with bad links")).links
        #expect(links.count == 1)
        #expect(links.first?.traceState == "kept=1")
    }

    @Test(arguments: [
        (#""traceId":"5b8efff798038103d269b633813fc6""#, "traceId (30 characters, want 32 hex digits)"),
        (#""traceId":"W47/95gDgQPSabYzgT/GDA==""#, "traceId (24 characters, want 32 hex digits)"),
        (#""traceId":"5b8efff798038103d269b633813fc6zz""#, "traceId (not a hex string)"),
        (#""traceId":"00000000000000000000000000000000""#, "traceId (all zero)"),
        (#""traceId":"""#, "traceId (empty, want 32 hex digits)"),
        (#""spanId":"0000000000000000""#, "spanId (all zero)"),
        (#""spanId":"eee19b7ec3c1b17""#, "spanId (15 characters, want 16 hex digits)"),
        (#""spanId":"eee19b7ec3c1b17-""#, "spanId (not a hex string)"),
        (#""parentSpanId":"eee19b7ec3c1b1740""#, "parentSpanId (17 characters, want 16 hex digits)"),
        (#""parentSpanId":"eee19b7ec3c1b17g""#, "parentSpanId (not a hex string)"),
    ])
    func eachInvalidIDSaysWhy(member: String, reason: String) throws {
        // A later member with the same key wins, so `member` replaces the valid id of `jsonSpan`.
        let bad = jsonSpan("," + member, name: "bad")
        let batch = try decodeJSONTraces(jsonRequest(span: jsonSpan(name: "good") + "," + bad + "," + jsonSpan(name: "after")))
        #expect(batch.rejectedSpans == 1)
        #expect(batch.rejectionMessage == "span 'bad' has an invalid \(reason)")
        #expect(JSONFixtures.spans(batch).map(\.name) == ["good", "after"])
    }

    @Test func missingSpanIDIsInvalid() throws {
        let batch = try decodeJSONTraces(jsonRequest(span: #"{"traceId":"5b8efff798038103d269b633813fc60c","name":"x"}"#))
        #expect(batch.rejectedSpans == 1)
        #expect(batch.rejectionMessage == "span 'x' has an invalid spanId (missing, want 16 hex digits)")
    }

    @Test func snakeCaseKeysAreAccepted() throws {
        let batch = try JSONFixtures.traces("keys-snake-case")
        let resourceSpans = try #require(batch.resourceSpans.first)
        #expect(resourceSpans.schemaURL == "https://opentelemetry.io/schemas/1.26.0")
        #expect(resourceSpans.resource.serviceName == "snake-service")
        #expect(resourceSpans.resource.droppedAttributesCount == 2)
        let scopeSpans = try #require(resourceSpans.scopeSpans.first)
        #expect(scopeSpans.schemaURL == "https://opentelemetry.io/schemas/1.27.0")
        #expect(scopeSpans.scope == InstrumentationScope(name: "snake.scope", version: "0.1",
                                                         attributes: [Attribute("scope.flag", .bool(true))],
                                                         droppedAttributesCount: 1))
        let span = try #require(scopeSpans.spans.first)
        let expected = SpanRecord(
            traceID: traceID, spanID: SpanID(0xeee1_9b7e_c3c1_b174), parentSpanID: SpanID(0xeee1_9b7e_c3c1_b173),
            traceState: "rojo=00f067aa0ba902b7", flags: 768, name: "snake span", kind: .client,
            startTimeUnixNano: 1_700_000_000_000_000_000, endTimeUnixNano: 1_700_000_001_000_000_000,
            attributes: [
                Attribute("int", .int(42)), Attribute("double", .double(2.5)), Attribute("bytes", .bytes([1, 2, 3])),
                Attribute("array", .array([.string("a")])), Attribute("kvlist", .kvlist([Attribute("inner", .int(7))])),
            ],
            droppedAttributesCount: 3,
            events: [SpanEvent(timeUnixNano: 1_700_000_000_500_000_000, name: "snake event", droppedAttributesCount: 4)],
            droppedEventsCount: 5,
            links: [SpanLink(traceID: TraceID(hex: "0af7651916cd43dd8448eb211c80319c")!, spanID: SpanID(hex: "b7ad6b7169203331")!,
                             traceState: "k=v", droppedAttributesCount: 6, flags: 257)],
            droppedLinksCount: 7, statusCode: .error, statusMessage: "snake failure")
        #expect(span == expected)
    }

    @Test func enumsAsNumbersNamesOrUnknown() throws {
        let spans = JSONFixtures.spans(try JSONFixtures.traces("enums-numbers-and-names"))
        #expect(spans.map(\.kind) == [.unspecified, .internal, .server, .client, .producer, .consumer,
                                      .server, .consumer, .server, .unspecified, .unspecified, .unspecified])
        #expect(spans.map(\.statusCode) == [.unset, .ok, .error, .unset, .unset, .unset,
                                            .error, .ok, .unset, .unset, .unset, .unset])
        #expect(spans[6].statusMessage == "boom")
    }

    @Test func int64AsStringsOrNumbersStayExact() throws {
        let batch = try JSONFixtures.traces("int64-strings-and-numbers")
        let strings = try #require(JSONFixtures.span(batch, named: "times as strings"))
        #expect(strings.startTimeUnixNano == 1_700_000_000_123_456_789)
        #expect(strings.endTimeUnixNano == UInt64.max)
        #expect(strings.droppedAttributesCount == 3)
        #expect(strings.flags == 256)
        #expect(strings.events.first?.timeUnixNano == 1_700_000_000_987_654_321)
        #expect(strings.attributes == [
            Attribute("max", .int(.max)), Attribute("min", .int(.min)),
            Attribute("max as number", .int(.max)), Attribute("min as number", .int(.min)),
            Attribute("beyond double precision", .int(9_007_199_254_740_993)),
            Attribute("exponent form", .int(1500)), Attribute("exponent in string", .int(200)),
            Attribute("integral fraction", .int(7)), Attribute("negative zero", .int(0)),
        ])
        let numbers = try #require(JSONFixtures.span(batch, named: "times as numbers"))
        #expect(numbers.startTimeUnixNano == 1_700_000_000_123_456_789)
        #expect(numbers.endTimeUnixNano == UInt64.max)
        #expect(numbers.droppedEventsCount == UInt32.max)
    }

    @Test func unknownFieldsAreIgnoredAtEveryLevel() throws {
        let batch = try JSONFixtures.traces("unknown-fields-everywhere")
        #expect(batch.resourceSpans.count == 1)
        #expect(batch.resourceSpans[0].resource == Resource(attributes: [Attribute("service.name", .string("future-proof"))]))
        #expect(batch.resourceSpans[0].scopeSpans[0].scope == InstrumentationScope(name: "scope"))
        let span = try #require(JSONFixtures.spans(batch).first)
        #expect(span.attributes == [
            Attribute("a", .string("b")), Attribute("strindex only", .empty),
            Attribute("array", .array([.int(1)])), Attribute("kvlist", .kvlist([Attribute("k", .bool(false))])),
        ])
        #expect(span.events == [SpanEvent(timeUnixNano: 5, name: "event")])
        #expect(span.links.map(\.spanID.hex) == ["b7ad6b7169203331"])
        #expect(span.statusCode == .ok)
        #expect(span.statusMessage == "fine")
    }

    @Test func everyAnyValueForm() throws {
        let span = try #require(JSONFixtures.spans(try JSONFixtures.traces("anyvalue-every-form")).first)
        let values = Dictionary(span.attributes.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(span.attributes.count == 26)
        #expect(values["string"] == .string("plain"))
        #expect(values["string escapes"] == .string("q\" b\\ s/ \u{8}\u{c}\n\r\t é 中 😀 raw-é-中-😀"))
        #expect(values["empty string"] == .string(""))
        #expect(values["true"] == .bool(true))
        #expect(values["false"] == .bool(false))
        #expect(values["int string"] == .int(-17))
        #expect(values["int number"] == .int(17))
        #expect(values["double"] == .double(0.1))
        #expect(values["double exponent"] == .double(-1.25e-7))
        #expect(values["double integral"] == .double(3))
        #expect(values["double string"] == .double(2.5))
        guard case .double(let nan)? = values["nan"] else {
            Issue.record("NaN was not decoded as a double")
            return
        }
        #expect(nan.isNaN)
        #expect(values["infinity"] == .double(.infinity))
        #expect(values["minus infinity"] == .double(-.infinity))
        for key in ["bytes standard padded", "bytes standard unpadded", "bytes url-safe padded", "bytes url-safe unpadded"] {
            #expect(values[key] == .bytes([0xFB, 0xFF, 0xBF, 0x00]), "\(key)")
        }
        #expect(values["bytes empty"] == .bytes([]))
        #expect(values["bytes one pad"] == .bytes([1, 2]))
        #expect(values["array"] == .array([.string("x"), .int(1), .bool(true), .double(1.5), .array([.string("nested")]), .empty]))
        #expect(values["empty array"] == .array([]))
        #expect(values["kvlist"] == .kvlist([
            Attribute("model", .string("gpt-4o")),
            Attribute("inner", .kvlist([Attribute("deep", .int(3))])),
            Attribute("no value", .empty),
        ]))
        #expect(values["empty kvlist"] == .kvlist([]))
        #expect(values["empty value"] == .empty)
        #expect(values["missing value"] == .empty)
    }

    @Test func nullMeansAbsent() throws {
        let batch = try JSONFixtures.traces("nulls-as-absent")
        #expect(batch.resourceSpans.count == 1)
        #expect(batch.resourceSpans[0].resource == Resource())
        #expect(batch.resourceSpans[0].scopeSpans[0].scope == InstrumentationScope())
        let spans = JSONFixtures.spans(batch)
        #expect(spans.count == 2)
        let span = spans[0]
        #expect(span.parentSpanID == .none)
        #expect(span.kind == .unspecified)
        #expect(span.startTimeUnixNano == 0)
        #expect(span.events.isEmpty && span.links.isEmpty)
        #expect(span.statusCode == .unset)
        #expect(span.attributes == [
            Attribute("null value", .empty), Attribute("null beside value", .int(5)),
            Attribute("array with null", .array([.string("a"), .empty, .string("b")])),
            Attribute("", .bool(true)),
        ])
        #expect(spans[1].statusMessage == "only message")
        #expect(spans[1].statusCode == .unset)
    }

    @Test func realisticGenAIBatchFromThePythonSDK() throws {
        let batch = try JSONFixtures.traces("genai-python-sdk-batch")
        #expect(batch.rejectedSpans == 0)
        #expect(batch.spanCount == 3)
        let resource = try #require(batch.resourceSpans.first).resource
        #expect(resource.serviceName == "support-bot")
        #expect(resource.attributes[key: "process.pid"] == .int(48213))
        #expect(resource.attributes[key: "telemetry.sdk.language"] == .string("python"))
        let scopes = batch.resourceSpans[0].scopeSpans
        #expect(scopes.map(\.scope.name) == ["genops.workflow", "opentelemetry.instrumentation.openai_v2"])
        #expect(scopes[1].schemaURL == "https://opentelemetry.io/schemas/1.28.0")

        let workflow = try #require(JSONFixtures.span(batch, named: "answer_ticket"))
        #expect(workflow.kind == .internal)
        #expect(workflow.parentSpanID == .none)
        #expect(workflow.flags == 256)
        #expect(workflow.attributes[key: "genops.budget.consumed"] == .double(123.45))
        #expect(workflow.events.first?.name == "policy.evaluated")
        #expect(workflow.events.first?.attributes[key: "genops.policy.result"] == .string("warning"))

        let chat = try #require(JSONFixtures.span(batch, named: "chat gpt-4o"))
        #expect(chat.traceID.hex == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(chat.parentSpanID == workflow.spanID)
        #expect(chat.kind == .client)
        #expect(chat.durationNanos == 1_800_000_000)
        #expect(chat.attributes[key: "gen_ai.usage.input_tokens"] == .int(1250))
        #expect(chat.attributes[key: "gen_ai.usage.output_tokens"] == .int(318))
        #expect(chat.attributes[key: "gen_ai.response.finish_reasons"] == .array([.string("stop")]))
        #expect(chat.events.map(\.name) == ["gen_ai.user.message", "gen_ai.choice"])
        guard case .kvlist(let message)? = chat.events[1].attributes[key: "message"] else {
            Issue.record("gen_ai.choice message is not a kvlist")
            return
        }
        #expect(message[key: "content"] == .string("I’m sorry — let me check order #4411."))

        let embeddings = try #require(JSONFixtures.span(batch, named: "embeddings text-embedding-3-small"))
        #expect(embeddings.statusCode == .error)
        #expect(embeddings.statusMessage == "Error code: 429 - Rate limit reached")
    }

    @Test func repeatedKeysFollowProtobufMergeRules() throws {
        let span = jsonSpan(#","name":"second","attributes":[{"key":"a","value":{"intValue":1}}],"attributes":[{"key":"b","value":{}}],"kind":2,"kind":"SPAN_KIND_CLIENT""#, name: "first")
        let decoded = try #require(JSONFixtures.spans(try decodeJSONTraces(jsonRequest(span: span))).first)
        #expect(decoded.name == "second")
        #expect(decoded.kind == .client)
        #expect(decoded.attributes == [Attribute("a", .int(1)), Attribute("b", .empty)])
    }

    @Test func escapedKeysMatchTheirFields() throws {
        let text = #"{"resource\u0053pans":[{"scope_\u0073pans":[{"spans":[{"trace\u0049d":"5b8efff798038103d269b633813fc60c","\u0073panId":"\u0065ee19b7ec3c1b174","name":"escaped"}]}]}]}"#
        let span = try #require(JSONFixtures.spans(try decodeJSONTraces(text)).first)
        #expect(span.name == "escaped")
        #expect(span.traceID == traceID)
        #expect(span.spanID == SpanID(0xeee1_9b7e_c3c1_b174))
    }

    @Test(arguments: [#"{"resourceSpans":null}"#, "{}", #"{"resourceSpans":[]}"#])
    func emptyRequestsDecodeToAnEmptyBatch(text: String) throws {
        #expect(try decodeJSONTraces(text) == TraceBatch())
    }
}
