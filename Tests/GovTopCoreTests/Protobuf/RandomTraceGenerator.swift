import Foundation
import GovTopCore
import OTLPProto

/// Seeded random OTLP trace requests built with the generated types: every attribute form,
/// nested arrays and lists, unicode, extreme numbers, events, links, status, flags, dropped
/// counts, several resources and scopes, and now and then a span or link with bad ids.
struct RandomTraceGenerator {
    private var random: SplitMix64
    /// Probability (0...1) that a span or link gets an invalid id.
    var invalidIDRate = 0.03

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func request() -> ProtoTraceRequest {
        var request = ProtoTraceRequest()
        request.resourceSpans = (0..<random.int(0...3)).map { _ in resourceSpans() }
        return request
    }

    private mutating func resourceSpans() -> ProtoResourceSpans {
        var result = ProtoResourceSpans()
        if random.chance(0.9) {
            result.resource.attributes = [keyValue("service.name", .stringValue(text()))] + attributes(max: 6)
            result.resource.droppedAttributesCount = random.chance(0.2) ? UInt32(random.int(0...9)) : 0
        }
        result.schemaURL = random.chance(0.3) ? "https://opentelemetry.io/schemas/1.28.0" : ""
        result.scopeSpans = (0..<random.int(0...3)).map { _ in scopeSpans() }
        return result
    }

    private mutating func scopeSpans() -> ProtoScopeSpans {
        var result = ProtoScopeSpans()
        if random.chance(0.8) {
            result.scope.name = random.pick(["openai", "opentelemetry.instrumentation.langchain", "", text()])
            result.scope.version = random.chance(0.5) ? "1.2.\(random.int(0...40))" : ""
            result.scope.attributes = attributes(max: 2)
            result.scope.droppedAttributesCount = random.chance(0.1) ? 1 : 0
        }
        result.schemaURL = random.chance(0.2) ? text() : ""
        result.spans = (0..<random.int(0...8)).map { _ in span() }
        return result
    }

    private mutating func span() -> ProtoSpan {
        var span = ProtoSpan()
        span.traceID = id(16)
        span.spanID = id(8)
        span.parentSpanID = random.chance(0.3) ? Data() : id(8, allowEmpty: true)
        span.traceState = random.chance(0.2) ? "vendor=\(random.int(0...999)),other=x" : ""
        span.flags = random.chance(0.5) ? UInt32(truncatingIfNeeded: random.next()) : 0
        span.name = random.pick(["chat", "chat gpt-4o-2024-08-06", "embeddings text-embedding-3-large", "", text()])
        span.kind = random.chance(0.05) ? .UNRECOGNIZED(random.int(6...300)) : random.pick([.unspecified, .internal, .server, .client, .producer, .consumer])
        span.startTimeUnixNano = random.chance(0.05) ? UInt64.max : random.next() >> 2
        span.endTimeUnixNano = random.chance(0.05) ? 0 : random.next() >> 2
        span.attributes = attributes(max: 14)
        span.droppedAttributesCount = random.chance(0.1) ? UInt32(truncatingIfNeeded: random.next()) : 0
        span.events = (0..<random.int(0...3)).map { _ in event() }
        span.droppedEventsCount = random.chance(0.1) ? UInt32(random.int(1...5)) : 0
        span.links = (0..<random.int(0...2)).map { _ in link() }
        span.droppedLinksCount = random.chance(0.1) ? UInt32.max : 0
        if random.chance(0.7) {
            span.status.code = random.chance(0.05) ? .UNRECOGNIZED(random.int(3...99)) : random.pick([.unset, .ok, .error])
            span.status.message = random.chance(0.3) ? text() : ""
        }
        return span
    }

    private mutating func event() -> ProtoSpan.Event {
        var event = ProtoSpan.Event()
        event.timeUnixNano = random.next()
        event.name = random.pick(["gen_ai.content.prompt", "policy.evaluated", "exception", "", text()])
        event.attributes = attributes(max: 4)
        event.droppedAttributesCount = random.chance(0.1) ? 3 : 0
        return event
    }

    private mutating func link() -> ProtoSpan.Link {
        var link = ProtoSpan.Link()
        link.traceID = id(16)
        link.spanID = id(8)
        link.traceState = random.chance(0.2) ? "k=v" : ""
        link.attributes = attributes(max: 3)
        link.droppedAttributesCount = random.chance(0.1) ? 2 : 0
        link.flags = random.chance(0.3) ? 0x300 : 0
        return link
    }

    /// A valid id of `count` bytes, or sometimes a wrong length or all zeros.
    private mutating func id(_ count: Int, allowEmpty: Bool = false) -> Data {
        if random.chance(invalidIDRate) {
            return random.chance(0.5) ? Data(count: count) : Data((0..<random.int(1...20)).map { _ in UInt8(random.int(1...255)) })
        }
        var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        bytes[0] |= 1
        return Data(bytes)
    }

    private mutating func attributes(max: Int) -> [ProtoKeyValue] {
        (0..<random.int(0...max)).map { _ in keyValue(key(), anyValue(depth: 1)) }
    }

    private mutating func keyValue(_ key: String, _ value: ProtoAnyValue.OneOf_Value?) -> ProtoKeyValue {
        var anyValue = ProtoAnyValue()
        anyValue.value = value
        return keyValue(key, anyValue)
    }

    private mutating func keyValue(_ key: String, _ value: ProtoAnyValue) -> ProtoKeyValue {
        var keyValue = ProtoKeyValue()
        keyValue.key = key
        if random.chance(0.97) { keyValue.value = value }
        return keyValue
    }

    private mutating func anyValue(depth: Int) -> ProtoAnyValue {
        var value = ProtoAnyValue()
        switch random.int(0...(depth < 3 ? 9 : 6)) {
        case 0: value.value = nil
        case 1, 2: value.stringValue = random.chance(0.5) ? text() : random.pick(Self.repeatedValues)
        case 3: value.boolValue = random.chance(0.5)
        case 4: value.intValue = random.pick([0, 1, -1, Int64.max, Int64.min, Int64(truncatingIfNeeded: random.next())])
        case 5: value.doubleValue = random.pick([0.0, -0.0, .nan, -.nan, .infinity, -.infinity, .leastNonzeroMagnitude,
                                                 .greatestFiniteMagnitude, Double(bitPattern: random.next())])
        case 6: value.bytesValue = Data((0..<random.int(0...20)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        case 7, 8: value.arrayValue.values = (0..<random.int(0...3)).map { _ in anyValue(depth: depth + 1) }
        default: value.kvlistValue.values = (0..<random.int(0...3)).map { _ in keyValue(key(), anyValue(depth: depth + 1)) }
        }
        return value
    }

    private mutating func key() -> String {
        random.chance(0.6) ? random.pick(Self.knownKeys) : text()
    }

    /// Text from a mixed alphabet, with lengths around the 15/16-byte small-string boundary.
    private mutating func text() -> String {
        let alphabet: [Character] = ["a", "z", "Q", "0", ".", "_", " ", "é", "ß", "中", "文", "😀", "🇩🇪", "\u{0}", "\n", "\u{7F}", "\u{FFFD}"]
        let count = random.pick([0, 1, 7, 8, 15, 16, 17, random.int(0...64), random.int(0...64), random.int(100...200)])
        return String((0..<count).map { _ in random.pick(alphabet) })
    }

    private static let knownKeys = [
        "service.name", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.request.model",
        "gen_ai.response.model", "gen_ai.provider.name", "genops.team", "genops.cost.total", "genops.policy.result",
        "gen_ai.usage.cache_creation_input_tokens", "deployment.environment.name", "user.id", "custom.key.not.in.table",
        "gen_ai.usage.input_tokenz", "gen_ai.usage.input_tokens.extra", "",
    ]

    private static let repeatedValues = [
        "gpt-4o-2024-08-06", "gpt-4o-2024-08-07", "claude-3-5-sonnet-20241022", "customer-support", "ml-platform",
    ]
}
