import Foundation
import GovTopCore
import OTLPProto

/// Random OTLP trace requests built with the generated swift-protobuf types, covering every
/// field, every AnyValue form, awkward strings and numbers, and some invalid ids.
enum JSONRandomSpans {
    typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest

    private static let characters: [Character] = [
        "a", "b", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "中", "😀",
        "\u{2028}", "\u{FFFD}", "𝄞", "{", "]", ",", ":",
    ]

    static func request(_ random: inout SplitMix64) -> Request {
        var request = Request()
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            var resourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans()
            if random.chance(0.8) {
                resourceSpans.resource.attributes = attributes(&random, depth: 1)
                resourceSpans.resource.droppedAttributesCount = smallOrHuge(&random)
            }
            if random.chance(0.3) { resourceSpans.schemaURL = text(&random) }
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                var scopeSpans = Opentelemetry_Proto_Trace_V1_ScopeSpans()
                if random.chance(0.7) {
                    scopeSpans.scope.name = text(&random)
                    scopeSpans.scope.version = text(&random)
                    scopeSpans.scope.attributes = attributes(&random, depth: 1)
                    scopeSpans.scope.droppedAttributesCount = smallOrHuge(&random)
                }
                if random.chance(0.3) { scopeSpans.schemaURL = text(&random) }
                scopeSpans.spans = (0..<Int.random(in: 0...4, using: &random)).map { _ in span(&random) }
                resourceSpans.scopeSpans.append(scopeSpans)
            }
            request.resourceSpans.append(resourceSpans)
        }
        return request
    }

    private static func span(_ random: inout SplitMix64) -> Opentelemetry_Proto_Trace_V1_Span {
        var span = Opentelemetry_Proto_Trace_V1_Span()
        span.traceID = id(&random, length: 16)
        span.spanID = id(&random, length: 8)
        if random.chance(0.6) { span.parentSpanID = id(&random, length: 8) }
        if random.chance(0.3) { span.traceState = text(&random) }
        span.name = text(&random)
        span.kind = .init(rawValue: random.chance(0.05) ? 9 : Int.random(in: 0...5, using: &random)) ?? .unspecified
        span.startTimeUnixNano = random.chance(0.5) ? UInt64.random(in: 1_600_000_000_000_000_000...1_900_000_000_000_000_000, using: &random) : random.next()
        span.endTimeUnixNano = random.chance(0.1) ? UInt64.max : random.next()
        span.attributes = attributes(&random, depth: 1)
        span.droppedAttributesCount = smallOrHuge(&random)
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            var event = Opentelemetry_Proto_Trace_V1_Span.Event()
            event.timeUnixNano = random.next()
            event.name = text(&random)
            event.attributes = attributes(&random, depth: 1)
            event.droppedAttributesCount = smallOrHuge(&random)
            span.events.append(event)
        }
        span.droppedEventsCount = smallOrHuge(&random)
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            var link = Opentelemetry_Proto_Trace_V1_Span.Link()
            link.traceID = id(&random, length: 16)
            link.spanID = id(&random, length: 8)
            if random.chance(0.3) { link.traceState = text(&random) }
            link.attributes = attributes(&random, depth: 1)
            link.droppedAttributesCount = smallOrHuge(&random)
            link.flags = smallOrHuge(&random)
            span.links.append(link)
        }
        span.droppedLinksCount = smallOrHuge(&random)
        if random.chance(0.6) {
            span.status.code = .init(rawValue: random.chance(0.05) ? 6 : Int.random(in: 0...2, using: &random)) ?? .unset
            if random.chance(0.5) { span.status.message = text(&random) }
        }
        span.flags = smallOrHuge(&random)
        return span
    }

    /// Mostly a valid id; sometimes all zero or of the wrong length, which the contract rejects.
    private static func id(_ random: inout SplitMix64, length: Int) -> Data {
        let roll = Double.random(in: 0..<1, using: &random)
        let count = roll < 0.03 ? length - 1 : roll < 0.05 ? length + 1 : length
        if roll >= 0.05 && roll < 0.07 { return Data(count: length) }
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
    }

    private static func smallOrHuge(_ random: inout SplitMix64) -> UInt32 {
        random.chance(0.5) ? 0 : random.chance(0.8) ? UInt32.random(in: 1...100, using: &random) : UInt32.random(in: 0...UInt32.max, using: &random)
    }

    static func text(_ random: inout SplitMix64) -> String {
        String((0..<Int.random(in: 0...12, using: &random)).map { _ in characters.randomElement(using: &random) ?? "a" })
    }

    private static func attributes(_ random: inout SplitMix64, depth: Int) -> [Opentelemetry_Proto_Common_V1_KeyValue] {
        (0..<Int.random(in: 0...(depth == 1 ? 5 : 3), using: &random)).map { _ in
            var keyValue = Opentelemetry_Proto_Common_V1_KeyValue()
            keyValue.key = text(&random)
            if random.chance(0.95) { keyValue.value = value(&random, depth: depth) }
            return keyValue
        }
    }

    private static func value(_ random: inout SplitMix64, depth: Int) -> Opentelemetry_Proto_Common_V1_AnyValue {
        var value = Opentelemetry_Proto_Common_V1_AnyValue()
        let kinds = depth >= 4 ? 6 : 8
        switch Int.random(in: 0..<kinds, using: &random) {
        case 0: value.stringValue = text(&random)
        case 1: value.boolValue = random.chance(0.5)
        case 2: value.intValue = random.chance(0.5) ? Int64.random(in: -1000...1000, using: &random) : Int64(bitPattern: random.next())
        case 3: value.doubleValue = double(&random)
        case 4: value.bytesValue = Data((0..<Int.random(in: 0...9, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        case 5: break
        case 6:
            var array = Opentelemetry_Proto_Common_V1_ArrayValue()
            array.values = (0..<Int.random(in: 0...3, using: &random)).map { _ in self.value(&random, depth: depth + 1) }
            value.arrayValue = array
        default:
            var list = Opentelemetry_Proto_Common_V1_KeyValueList()
            list.values = attributes(&random, depth: depth + 1)
            value.kvlistValue = list
        }
        return value
    }

    /// Any double but NaN (which never equals itself): ordinary values, extremes, infinities,
    /// subnormals, negative zero, and random bit patterns.
    private static func double(_ random: inout SplitMix64) -> Double {
        let specials: [Double] = [0, -0.0, 0.1, 1e-7, 123.45, .infinity, -.infinity, .greatestFiniteMagnitude,
                                  -.greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastNormalMagnitude, 9_007_199_254_740_992, 1e21]
        if random.chance(0.4) { return specials.randomElement(using: &random) ?? 0 }
        let value = Double(bitPattern: random.next())
        return value.isNaN ? 1.5 : value
    }
}
