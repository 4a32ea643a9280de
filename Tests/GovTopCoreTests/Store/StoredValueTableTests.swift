import Testing
@testable import GovTopCore

/// Values of enumerated keys kept as ids of a `StoredValueTable`: exact round trips (by bytes, not
/// by `String`'s canonical equivalence), the table's bound, decoding on other threads while
/// encoding goes on, and the bytes a typical span saves.
@Suite struct StoredValueTableTests {
    // MARK: Round trips

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func randomSpansRoundTripExactly(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let table = StoredValueTable(capacity: 24) // small, so that it fills during the run
        var encoder = SpanPayload.Encoder(values: table)
        var written: [(SpanRecord, [UInt8])] = []
        for index in 0..<300 {
            let span = Self.randomSpan(&random, id: UInt64(index + 1))
            let payload = encoder.payload(of: span)
            #expect(Self.decoded(payload, like: span, table: table).exactly == span.exactly)
            written.append((span, payload))
        }
        #expect(table.count == table.capacity)
        // Written earlier, decoded after the table filled up: ids never change meaning.
        for (span, payload) in written {
            #expect(Self.decoded(payload, like: span, table: table).exactly == span.exactly)
        }
    }

    /// Strings that `==` calls equal but whose bytes differ each come back as they were given.
    @Test(arguments: [("\u{E9}t\u{E9}", "e\u{301}te\u{301}"), ("K-model", "\u{212A}-model"), ("a;b", "a\u{37E}b"),
                      ("a\u{301}\u{316}x", "a\u{316}\u{301}x")])
    func canonicallyEquivalentValuesKeepTheirBytes(first: String, second: String) {
        #expect(first == second)
        let table = StoredValueTable(capacity: 16)
        var encoder = SpanPayload.Encoder(values: table)
        for value in [first, second, first] {
            let span = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute("gen_ai.request.model", .string(value))])
            let decoded = Self.decoded(encoder.payload(of: span), like: span, table: table)
            guard case .string(let text) = decoded.attributes.first?.value else { Issue.record("no string"); return }
            #expect(Array(text.utf8) == Array(value.utf8))
        }
        #expect(table.count == 2)
    }

    /// The encoder's cache of recent values finds a repeated value by its string's bits before its
    /// bytes: values alike in all but one byte (inside a small string's bits, and in a long string's
    /// storage), each given as a fresh string and as the one string shared by several spans, as the
    /// decoder shares them, each come back as given, and each value takes one id.
    @Test func valuesAlikeButForOneByteKeepTheirOwnIds() {
        let table = StoredValueTable(capacity: 64)
        var encoder = SpanPayload.Encoder(values: table)
        let bases = ["model-abcdefg", "a-longer-model-name-than-fifteen-bytes"]
        var values: [String] = []
        for base in bases {
            for position in [0, 7, 8, base.utf8.count - 1] {
                var bytes = Array(base.utf8)
                bytes[position] = UInt8(ascii: "Z")
                values.append(String(decoding: bytes, as: UTF8.self))
            }
            values.append(base)
        }
        let shared = values
        for round in 0..<3 {
            for (index, value) in values.enumerated() {
                // A fresh string in the first round; the very same strings after.
                let given = round == 0 ? String(decoding: Array(value.utf8), as: UTF8.self) : shared[index]
                let span = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute("gen_ai.request.model", .string(given))])
                let decoded = Self.decoded(encoder.payload(of: span), like: span, table: table)
                guard case .string(let text) = decoded.attributes.first?.value else { Issue.record("no string"); return }
                #expect(Array(text.utf8) == Array(value.utf8), "round \(round): \(value)")
            }
        }
        #expect(table.count == Set(values).count)
    }

    // MARK: The bound

    @Test func aFullTableSpellsValuesOutAndKeepsItsSize() {
        let table = StoredValueTable(capacity: 8)
        var encoder = SpanPayload.Encoder(values: table)
        var written: [(SpanRecord, [UInt8])] = []
        for index in 0..<20 {
            let model = "model-\(index)"
            let span = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute("gen_ai.request.model", .string(model))])
            let payload = encoder.payload(of: span)
            let spelled = SpanPayload.encode(span, values: StoredValueTable(capacity: 0))
            // The first eight values are coded (tag and a one-byte id instead of tag, length, bytes).
            #expect(spelled.count - payload.count == (index < 8 ? model.utf8.count : 0))
            written.append((span, payload))
        }
        #expect(table.count == 8)
        for (span, payload) in written {
            #expect(Self.decoded(payload, like: span, table: table).exactly == span.exactly)
        }
        // A value already held is still coded once the table is full.
        let again = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute("gen_ai.request.model", .string("model-3"))])
        #expect(encoder.payload(of: again) == written[3].1)
        #expect(SpanPayload.encode(again, values: table) == written[3].1)
    }

    @Test(arguments: [(0, false), (1, false), (2, true), (StoredValueTable.maxValueBytes, true),
                      (StoredValueTable.maxValueBytes + 1, false)])
    func valuesAreCodedFromTwoBytesUpToTheLimit(length: Int, coded: Bool) {
        let value = String(repeating: "m", count: length)
        let span = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute("gen_ai.request.model", .string(value))])
        let table = StoredValueTable(capacity: 4)
        let payload = SpanPayload.encode(span, values: table)
        let spelled = SpanPayload.encode(span, values: StoredValueTable(capacity: 0))
        #expect(table.count == (coded ? 1 : 0))
        #expect(spelled.count - payload.count == (coded ? length : 0))
        #expect(Self.decoded(payload, like: span, table: table).exactly == span.exactly)
    }

    @Test func aMultiByteValueAtTheLimitIsCodedAndOnePastItIsNot() {
        let atLimit = String(repeating: "é", count: StoredValueTable.maxValueBytes / 2) // 2 bytes each
        let table = StoredValueTable(capacity: 4)
        for value in [atLimit, atLimit + "x"] {
            let span = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute("genops.team", .string(value))])
            #expect(Self.decoded(SpanPayload.encode(span, values: table), like: span, table: table).exactly == span.exactly)
        }
        #expect(table.count == 1)
    }

    // MARK: Which keys

    @Test(arguments: ["genops.customer_id", "genops.customer", "genops.user_id", "user.id", "enduser.id",
                      "gen_ai.response.id", "gen_ai.conversation.id", "gen_ai.tool.call.id", "gen_ai.agent.id",
                      "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.prompt", "gen_ai.completion",
                      "gen_ai.system_instructions", "genops.session_id", "gen_ai.response.finish_reasons.x"])
    func identifiersAndContentAreNeverCoded(key: String) {
        let span = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute(key, .string("repeated-value"))])
        let table = StoredValueTable(capacity: 4)
        _ = SpanPayload.encode(span, values: table)
        #expect(table.count == 0)
    }

    @Test(arguments: ["gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.system", "gen_ai.request.model",
                      "gen_ai.response.model", "server.address", "genops.cost.currency", "genops.team",
                      "genops.project", "genops.environment", "genops.feature", "gen_ai.agent.name",
                      "gen_ai.openai.response.service_tier"])
    func enumeratedKeysAreCoded(key: String) {
        let span = SpanFactory.span(trace: 1, id: 1, attributes: [Attribute(key, .string("repeated-value"))])
        let table = StoredValueTable(capacity: 4)
        _ = SpanPayload.encode(span, values: table)
        #expect(table.count == 1)
    }

    // MARK: Threads

    /// Readers decode payloads written earlier (as the API does after the engine's lock) on other
    /// threads while encoders keep adding values to the same table.
    @Test func decodingOnOtherThreadsWhileEncodingContinues() async {
        let table = StoredValueTable(capacity: 3_000)
        let spans = (0..<4_000).map { index in
            SpanFactory.span(trace: 1, id: UInt64(index + 1), attributes: [
                Attribute("gen_ai.request.model", .string("model-\(index)")),
                Attribute("gen_ai.provider.name", .string("provider-\(index % 7)")),
                Attribute("gen_ai.response.finish_reasons", .array([.string("stop"), .int(Int64(index))])),
            ])
        }
        var encoder = SpanPayload.Encoder(values: table)
        let earlier = spans[..<1_000].map { (span: $0, payload: encoder.payload(of: $0)) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for part in 0..<2 { // encoders: spans 1,000..<4,000 add values until the table is full
                group.addTask {
                    var encoder = SpanPayload.Encoder(values: table)
                    var mismatches = 0
                    for index in stride(from: 1_000 + part, to: spans.count, by: 2) {
                        let payload = encoder.payload(of: spans[index])
                        if Self.decoded(payload, like: spans[index], table: table).exactly != spans[index].exactly {
                            mismatches += 1
                        }
                    }
                    return mismatches
                }
            }
            for _ in 0..<2 { // readers: the payloads written before, decoded again and again
                group.addTask {
                    var mismatches = 0
                    for _ in 0..<3 {
                        for (span, payload) in earlier where Self.decoded(payload, like: span, table: table).exactly != span.exactly {
                            mismatches += 1
                        }
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        #expect(table.count == 3_000)
    }

    // MARK: Savings

    /// An LLM call span as a GenAI instrumentation exports it: the coded values are written as a
    /// tag and a one-byte id instead of a tag, a length byte and their bytes.
    @Test func aTypicalSpanSavesTheBytesOfItsEnumeratedValues() {
        let span = SpanFactory.span(trace: 1, id: 1, attributes: [
            Attribute("gen_ai.operation.name", .string("chat")),
            Attribute("gen_ai.provider.name", .string("openai")),
            Attribute("gen_ai.request.model", .string("gpt-4o-mini-2024-07-18")),
            Attribute("gen_ai.response.model", .string("gpt-4o-mini-2024-07-18")),
            Attribute("gen_ai.response.id", .string("chatcmpl-8x7f3k2j")),
            Attribute("gen_ai.response.finish_reasons", .array([.string("stop")])),
            Attribute("gen_ai.usage.input_tokens", .int(1_234)),
            Attribute("gen_ai.usage.output_tokens", .int(321)),
            Attribute("server.address", .string("api.openai.com")),
            Attribute("server.port", .int(443)),
            Attribute("genops.cost.currency", .string("USD")),
        ])
        let table = StoredValueTable(capacity: 16)
        var encoder = SpanPayload.Encoder(values: table)
        let first = encoder.payload(of: span)
        let second = encoder.payload(of: span) // from the encoder's recent values
        let spelled = SpanPayload.encode(span, values: StoredValueTable(capacity: 0))
        let saved = ["chat", "openai", "gpt-4o-mini-2024-07-18", "gpt-4o-mini-2024-07-18", "stop", "api.openai.com", "USD"]
            .reduce(0) { $0 + $1.utf8.count }
        #expect(saved == 75)
        #expect(spelled.count - first.count == saved)
        #expect(second == first)
        #expect(table.count == 6)
        #expect(Self.decoded(first, like: span, table: table).exactly == span.exactly)
    }

    // MARK: Helpers

    private static func decoded(_ payload: [UInt8], like span: SpanRecord, table: StoredValueTable) -> SpanRecord {
        var record = SpanRecord(traceID: span.traceID, spanID: span.spanID, parentSpanID: span.parentSpanID, name: span.name,
                                kind: span.kind, startTimeUnixNano: span.startTimeUnixNano,
                                endTimeUnixNano: span.endTimeUnixNano, statusCode: span.statusCode)
        SpanPayload.decode(payload, into: &record, values: table)
        return record
    }

    private static let keys = ["gen_ai.request.model", "gen_ai.response.model", "gen_ai.operation.name", "genops.team",
                               "gen_ai.response.finish_reasons", "server.address", "gen_ai.response.id",
                               "genops.customer_id", "gen_ai.usage.input_tokens", "custom.literal.key", "x", ""]

    private static let strings = ["", "a", "ab", "chat", "openai", "gpt-4o-mini-2024-07-18", "ünï 🚀", "\u{E9}",
                                  "e\u{301}", "K", "\u{212A}", String(repeating: "x", count: 64),
                                  String(repeating: "y", count: 65), String(repeating: "é", count: 32), "\u{0}\u{7F}"]

    private static func randomSpan(_ random: inout SplitMix64, id: UInt64) -> SpanRecord {
        var span = SpanFactory.span(trace: id, id: id, attributes: randomAttributes(&random, depth: 0))
        span.statusMessage = random.chance(0.2) ? randomString(&random) : ""
        span.traceState = random.chance(0.2) ? "k=v" : ""
        span.droppedAttributesCount = UInt32(random.int(0...3))
        span.events = (0..<random.int(0...2)).map { _ in
            SpanEvent(timeUnixNano: random.next(), name: randomString(&random),
                      attributes: randomAttributes(&random, depth: 1), droppedAttributesCount: UInt32(random.int(0...2)))
        }
        span.links = (0..<random.int(0...1)).map { _ in
            SpanLink(traceID: TraceID(high: random.next(), low: random.next()), spanID: SpanID(random.next()),
                     traceState: "", attributes: randomAttributes(&random, depth: 1), droppedAttributesCount: 0, flags: 1)
        }
        return span
    }

    /// Fresh strings now and then, so that the table fills up during a run.
    private static func randomString(_ random: inout SplitMix64) -> String {
        random.chance(0.3) ? "fresh-\(random.next() % 100)" : strings[random.int(0...(strings.count - 1))]
    }

    private static func randomAttributes(_ random: inout SplitMix64, depth: Int) -> [Attribute] {
        (0..<random.int(0...6)).map { _ in Attribute(keys[random.int(0...(keys.count - 1))], randomValue(&random, depth: depth)) }
    }

    private static func randomValue(_ random: inout SplitMix64, depth: Int) -> AttributeValue {
        switch random.int(0...(depth < 2 ? 9 : 6)) {
        case 0...2: .string(randomString(&random))
        case 3: .int(Int64(bitPattern: random.next()))
        case 4: .double([0.5, -0.0, .infinity, -1e300][random.int(0...3)])
        case 5: .bool(random.chance(0.5))
        case 6: random.chance(0.5) ? .empty : .bytes((0..<random.int(0...4)).map { _ in UInt8(random.next() & 0xFF) })
        case 7, 8: .array((0..<random.int(0...4)).map { _ in randomValue(&random, depth: depth + 1) })
        default: .kvlist(randomAttributes(&random, depth: depth + 1))
        }
    }
}

/// A span spelled out exactly: every string by its bytes and every double by its bits, where
/// `SpanRecord`'s `==` compares strings by canonical equivalence and -0.0 equal to 0.0.
private extension SpanRecord {
    var exactly: [String] {
        var out = ["\(traceState.utf8.map { $0 })", "\(flags)", "\(statusMessage.utf8.map { $0 })", "\(droppedAttributesCount)"]
        out += attributes.map(\.exactly)
        for event in events {
            out += ["event \(event.timeUnixNano) \(event.name.utf8.map { $0 }) \(event.droppedAttributesCount)"]
            out += event.attributes.map(\.exactly)
        }
        out += ["\(droppedEventsCount)"]
        for link in links {
            out += ["link \(link.traceID.high) \(link.traceID.low) \(link.spanID.value) \(link.traceState.utf8.map { $0 }) \(link.droppedAttributesCount) \(link.flags)"]
            out += link.attributes.map(\.exactly)
        }
        out += ["\(droppedLinksCount)"]
        return out
    }
}

private extension Attribute {
    var exactly: String { "\(key.utf8.map { $0 })=\(value.exactly)" }
}

private extension AttributeValue {
    var exactly: String {
        switch self {
        case .string(let text): "s\(text.utf8.map { $0 })"
        case .bool(let flag): "b\(flag)"
        case .int(let number): "i\(number)"
        case .double(let number): "d\(number.bitPattern)"
        case .bytes(let data): "y\(data)"
        case .array(let values): "a[\(values.map(\.exactly).joined(separator: ","))]"
        case .kvlist(let list): "k{\(list.map(\.exactly).joined(separator: ","))}"
        case .empty: "e"
        }
    }
}

private extension SpanPayload.Encoder {
    /// Encodes one more span and returns its payload alone.
    mutating func payload(of span: SpanRecord) -> [UInt8] {
        let range = encode(span)
        return Array(bytes[range])
    }
}
