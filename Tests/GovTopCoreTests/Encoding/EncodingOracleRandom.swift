import GovTopCore

/// Random `TraceBatch`es covering every field, every attribute form, awkward strings and numbers,
/// values at the edges of their types, and empty messages. Ids are valid (the decoders would drop
/// invalid ones); doubles are never NaN, so batches compare with `==` (NaN has its own test).
enum EncodingOracleRandom {
    private static let characters: [Character] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
        "é", "中", "😀", "\u{2028}", "\u{FFFD}", "𝄞", "{", "]", ",", ":",
    ]

    static func batch(_ random: inout SplitMix64) -> TraceBatch {
        var batch = TraceBatch()
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            var resourceSpans = ResourceSpans()
            if random.chance(0.8) {
                resourceSpans.resource = Resource(attributes: attributes(&random, depth: 1), droppedAttributesCount: count(&random))
            }
            if random.chance(0.3) { resourceSpans.schemaURL = text(&random) }
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                var scopeSpans = ScopeSpans()
                if random.chance(0.7) {
                    scopeSpans.scope = InstrumentationScope(name: text(&random), version: text(&random),
                                                            attributes: attributes(&random, depth: 1),
                                                            droppedAttributesCount: count(&random))
                }
                if random.chance(0.3) { scopeSpans.schemaURL = text(&random) }
                scopeSpans.spans = (0..<Int.random(in: 0...4, using: &random)).map { _ in span(&random) }
                resourceSpans.scopeSpans.append(scopeSpans)
            }
            batch.resourceSpans.append(resourceSpans)
        }
        return batch
    }

    static func span(_ random: inout SplitMix64) -> SpanRecord {
        SpanRecord(
            traceID: traceID(&random), spanID: SpanID(UInt64.random(in: 1...UInt64.max, using: &random)),
            parentSpanID: random.chance(0.5) ? SpanID(UInt64.random(in: 1...UInt64.max, using: &random)) : .none,
            traceState: random.chance(0.3) ? text(&random) : "",
            flags: random.chance(0.5) ? UInt32.random(in: 0...UInt32.max, using: &random) : 0,
            name: random.chance(0.9) ? text(&random) : "",
            kind: SpanKind.allCases.randomElement(using: &random) ?? .internal,
            startTimeUnixNano: time(&random), endTimeUnixNano: time(&random),
            attributes: attributes(&random, depth: 1), droppedAttributesCount: count(&random),
            events: (0..<Int.random(in: 0...2, using: &random)).map { _ in
                SpanEvent(timeUnixNano: time(&random), name: text(&random), attributes: attributes(&random, depth: 1),
                          droppedAttributesCount: count(&random))
            },
            droppedEventsCount: count(&random),
            links: (0..<Int.random(in: 0...2, using: &random)).map { _ in
                SpanLink(traceID: traceID(&random), spanID: SpanID(UInt64.random(in: 1...UInt64.max, using: &random)),
                         traceState: random.chance(0.5) ? text(&random) : "", attributes: attributes(&random, depth: 1),
                         droppedAttributesCount: count(&random),
                         flags: random.chance(0.5) ? UInt32.random(in: 0...UInt32.max, using: &random) : 0)
            },
            droppedLinksCount: count(&random),
            statusCode: [StatusCode.unset, .ok, .error].randomElement(using: &random) ?? .unset,
            statusMessage: random.chance(0.3) ? text(&random) : "")
    }

    private static func traceID(_ random: inout SplitMix64) -> TraceID {
        TraceID(high: random.chance(0.2) ? 0 : random.next(), low: UInt64.random(in: 1...UInt64.max, using: &random))
    }

    private static func time(_ random: inout SplitMix64) -> UInt64 {
        switch Int.random(in: 0...3, using: &random) {
        case 0: 0
        case 1: UInt64.max
        default: UInt64.random(in: 1_700_000_000_000_000_000...1_900_000_000_000_000_000, using: &random)
        }
    }

    private static func count(_ random: inout SplitMix64) -> UInt32 {
        switch Int.random(in: 0...3, using: &random) {
        case 0, 1: 0
        case 2: UInt32.random(in: 1...200, using: &random)
        default: UInt32.random(in: 0...UInt32.max, using: &random)
        }
    }

    static func text(_ random: inout SplitMix64) -> String {
        let length = random.chance(0.05) ? Int.random(in: 100...300, using: &random) : Int.random(in: 0...12, using: &random)
        return String((0..<length).map { _ in characters.randomElement(using: &random) ?? "a" })
    }

    static func attributes(_ random: inout SplitMix64, depth: Int) -> [Attribute] {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in
            Attribute(random.chance(0.95) ? text(&random) : "", value(&random, depth: depth))
        }
    }

    static func value(_ random: inout SplitMix64, depth: Int) -> AttributeValue {
        switch Int.random(in: 0...(depth < 4 ? 8 : 6), using: &random) {
        case 0: .string(text(&random))
        case 1: .bool(random.chance(0.5))
        case 2: .int([0, 1, -1, Int64.min, Int64.max, Int64.random(in: Int64.min...Int64.max, using: &random)]
            .randomElement(using: &random) ?? 0)
        case 3: .double(double(&random))
        case 4: .bytes((0..<Int.random(in: 0...7, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        case 5: .empty
        case 6: .string("")
        case 7: .array((0..<Int.random(in: 0...3, using: &random)).map { _ in value(&random, depth: depth + 1) })
        default: .kvlist(attributes(&random, depth: depth + 1))
        }
    }

    private static func double(_ random: inout SplitMix64) -> Double {
        [0, -0.0, 1, -1.5, 0.1, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity, 123456789.125, 1e21, 1e-7,
         Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF),
         Double.random(in: -1e6...1e6, using: &random)].randomElement(using: &random) ?? 0
    }
}
