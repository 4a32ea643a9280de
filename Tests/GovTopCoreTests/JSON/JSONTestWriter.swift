import Foundation
import GovTopCore
import OTLPProto

/// A tiny test-only OTLP/JSON writer for the differential test. It varies every choice the
/// encoding allows, at random: camelCase or snake_case keys, 64-bit integers as strings or
/// numbers, enums as numbers or names, hex ids in either case, base64 alphabets and padding,
/// `\u` escapes, whitespace, explicit defaults or `null`, and unknown fields anywhere.
struct JSONTestWriter {
    private var random: SplitMix64
    private(set) var output = ""

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    static func json(_ request: JSONRandomSpans.Request, seed: UInt64) -> String {
        var writer = JSONTestWriter(seed: seed)
        writer.object {
            $0.array("resourceSpans", request.resourceSpans) { $0.resourceSpans($1) }
        }
        return writer.output
    }

    // MARK: Messages

    private mutating func resourceSpans(_ message: Opentelemetry_Proto_Trace_V1_ResourceSpans) {
        object {
            if message.hasResource {
                $0.member("resource") {
                    $0.object {
                        $0.array("attributes", message.resource.attributes) { $0.keyValue($1) }
                        $0.uint32("droppedAttributesCount", message.resource.droppedAttributesCount)
                    }
                }
            }
            $0.string("schemaUrl", message.schemaURL)
            $0.array("scopeSpans", message.scopeSpans) { $0.scopeSpans($1) }
        }
    }

    private mutating func scopeSpans(_ message: Opentelemetry_Proto_Trace_V1_ScopeSpans) {
        object {
            if message.hasScope {
                $0.member("scope") {
                    $0.object {
                        $0.string("name", message.scope.name)
                        $0.string("version", message.scope.version)
                        $0.array("attributes", message.scope.attributes) { $0.keyValue($1) }
                        $0.uint32("droppedAttributesCount", message.scope.droppedAttributesCount)
                    }
                }
            }
            $0.array("spans", message.spans) { $0.span($1) }
            $0.string("schemaUrl", message.schemaURL)
        }
    }

    private mutating func span(_ span: Opentelemetry_Proto_Trace_V1_Span) {
        object {
            $0.hex("traceId", span.traceID)
            $0.hex("spanId", span.spanID)
            $0.hex("parentSpanId", span.parentSpanID)
            $0.string("traceState", span.traceState)
            $0.string("name", span.name)
            $0.enumeration("kind", span.kind.rawValue, names: ["SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER",
                                                              "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"])
            $0.uint64("startTimeUnixNano", span.startTimeUnixNano)
            $0.uint64("endTimeUnixNano", span.endTimeUnixNano)
            $0.array("attributes", span.attributes) { $0.keyValue($1) }
            $0.uint32("droppedAttributesCount", span.droppedAttributesCount)
            $0.array("events", span.events) { writer, event in
                writer.object {
                    $0.uint64("timeUnixNano", event.timeUnixNano)
                    $0.string("name", event.name)
                    $0.array("attributes", event.attributes) { $0.keyValue($1) }
                    $0.uint32("droppedAttributesCount", event.droppedAttributesCount)
                }
            }
            $0.uint32("droppedEventsCount", span.droppedEventsCount)
            $0.array("links", span.links) { writer, link in
                writer.object {
                    $0.hex("traceId", link.traceID)
                    $0.hex("spanId", link.spanID)
                    $0.string("traceState", link.traceState)
                    $0.array("attributes", link.attributes) { $0.keyValue($1) }
                    $0.uint32("droppedAttributesCount", link.droppedAttributesCount)
                    $0.uint32("flags", link.flags)
                }
            }
            $0.uint32("droppedLinksCount", span.droppedLinksCount)
            if span.hasStatus {
                $0.member("status") {
                    $0.object {
                        $0.string("message", span.status.message)
                        $0.enumeration("code", span.status.code.rawValue,
                                       names: ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"])
                    }
                }
            }
            $0.uint32("flags", span.flags)
        }
    }

    private mutating func keyValue(_ keyValue: Opentelemetry_Proto_Common_V1_KeyValue) {
        object {
            $0.string("key", keyValue.key)
            if keyValue.hasValue { $0.member("value") { $0.anyValue(keyValue.value) } }
        }
    }

    private mutating func anyValue(_ value: Opentelemetry_Proto_Common_V1_AnyValue) {
        object {
            switch value.value {
            case .stringValue(let text): $0.member("stringValue") { $0.quoted(text) }
            case .boolValue(let flag): $0.member("boolValue") { $0.raw(flag ? "true" : "false") }
            case .intValue(let number):
                $0.member("intValue") { writer in
                    if writer.random.chance(0.5) { writer.quoted(String(number)) } else { writer.raw(String(number)) }
                }
            case .doubleValue(let number): $0.member("doubleValue") { $0.double(number) }
            case .bytesValue(let bytes): $0.member("bytesValue") { $0.quoted($0.base64(bytes)) }
            case .arrayValue(let array):
                $0.member("arrayValue") { $0.object { $0.array("values", array.values) { $0.anyValue($1) } } }
            case .kvlistValue(let list):
                $0.member("kvlistValue") { $0.object { $0.array("values", list.values) { $0.keyValue($1) } } }
            case .stringValueStrindex, nil: break
            }
        }
    }

    // MARK: Fields

    private mutating func key(_ camel: String) {
        let snake = camel.unicodeScalars.map { CharacterSet.uppercaseLetters.contains($0) ? "_" + String($0).lowercased() : String($0) }.joined()
        quoted(random.chance(0.2) ? snake : camel)
        space()
        output += ":"
        space()
    }

    /// Writes a member whose value is at its default: omitted, written out, or null.
    private mutating func defaultMember(_ name: String, _ explicit: String) {
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.6 { return }
        member(name) { $0.raw(roll < 0.8 ? explicit : "null") }
    }

    private mutating func string(_ name: String, _ value: String) {
        if value.isEmpty { defaultMember(name, #""""#) } else { member(name) { $0.quoted(value) } }
    }

    private mutating func uint64(_ name: String, _ value: UInt64) {
        if value == 0 { return defaultMember(name, random.chance(0.5) ? "0" : #""0""#) }
        member(name) { writer in
            if writer.random.chance(0.6) { writer.quoted(String(value)) } else { writer.raw(String(value)) }
        }
    }

    private mutating func uint32(_ name: String, _ value: UInt32) {
        if value == 0 { return defaultMember(name, "0") }
        member(name) { writer in
            if writer.random.chance(0.2) { writer.quoted(String(value)) } else { writer.raw(String(value)) }
        }
    }

    private mutating func enumeration(_ name: String, _ value: Int, names: [String]) {
        if value == 0 { return defaultMember(name, "0") }
        member(name) { writer in
            if value < names.count && writer.random.chance(0.3) { writer.quoted(names[value]) } else { writer.raw(String(value)) }
        }
    }

    private mutating func hex(_ name: String, _ bytes: Data) {
        if bytes.isEmpty { return defaultMember(name, #""""#) }
        let upper = random.chance(0.3)
        member(name) { $0.quoted(bytes.map { String(format: upper ? "%02X" : "%02x", $0) }.joined()) }
    }

    private mutating func double(_ value: Double) {
        if value == .infinity { return quoted("Infinity") }
        if value == -.infinity { return quoted("-Infinity") }
        if random.chance(0.2) { return quoted(String(value)) }
        raw(String(value))
    }

    private mutating func base64(_ bytes: [UInt8]) -> String {
        base64(Data(bytes))
    }

    private mutating func base64(_ data: Data) -> String {
        var text = data.base64EncodedString()
        if random.chance(0.5) { text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_") }
        if random.chance(0.5) { text = text.replacingOccurrences(of: "=", with: "") }
        return text
    }

    private mutating func array<Element>(_ name: String, _ elements: [Element], _ write: (inout JSONTestWriter, Element) -> Void) {
        if elements.isEmpty { return defaultMember(name, "[]") }
        member(name) { writer in
            writer.output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { writer.output += "," }
                writer.space()
                write(&writer, element)
            }
            writer.space()
            writer.output += "]"
        }
    }

    // MARK: Tokens

    private var needsComma = false

    private mutating func object(_ body: (inout JSONTestWriter) -> Void) {
        output += "{"
        needsComma = false
        unknownMember()
        body(&self)
        unknownMember()
        space()
        output += "}"
        needsComma = true
    }

    private mutating func member(_ name: String, _ value: (inout JSONTestWriter) -> Void) {
        if needsComma { output += "," }
        space()
        key(name)
        value(&self)
        needsComma = true
    }

    /// Sometimes adds a member no OTLP message has, with a value of any JSON shape.
    private mutating func unknownMember() {
        guard random.chance(0.1) else { return }
        let values = [#"{"nested":[1,-2.5e10,"x",true,null,{}]}"#, "123456789012345678901234567890", #""\u00e9""#, "[[[]]]", "false", "null"]
        let value = values.randomElement(using: &random) ?? "null"
        member("futureField\(Int.random(in: 0...9, using: &random))") { $0.raw(value) }
    }

    private mutating func space() {
        guard random.chance(0.2) else { return }
        output += [" ", "\n", "\t", "\r\n  "].randomElement(using: &random) ?? " "
    }

    private mutating func raw(_ text: String) {
        output += text
    }

    private mutating func quoted(_ text: String) {
        let escapeUnicode = random.chance(0.3)
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += random.chance(0.5) ? "\\t" : "\\u0009"
            case "/": output += random.chance(0.5) ? "\\/" : "/"
            case _ where scalar.value < 0x20 || (escapeUnicode && scalar.value > 0x7E):
                for unit in String(scalar).utf16 { output += String(format: random.chance(0.5) ? "\\u%04x" : "\\u%04X", unit) }
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
