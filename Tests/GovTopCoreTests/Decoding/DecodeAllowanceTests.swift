import Foundation
@testable import GovTopCore
import OTLPProto
import Testing

/// The decoders count what a trace request will cost until it is ingested, and refuse a payload
/// that would cost more than its allowance before that memory exists.
@Suite struct DecodeAllowanceTests {
    /// `0a 00` repeated: `count` empty `ResourceSpans`, the amplification body of issue 9.
    static func emptyResourceSpans(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 2 * count)
        for index in stride(from: 0, to: bytes.count, by: 2) { bytes[index] = 0x0A }
        return bytes
    }

    /// `{"resourceSpans":[{},{},…]}`: the JSON equivalent.
    static func emptyResourceSpansJSON(_ count: Int) -> [UInt8] {
        Array(#"{"resourceSpans":["#.utf8) + Array(repeating: Array("{},".utf8), count: count - 1).flatMap { $0 }
            + Array("{}]}".utf8)
    }

    /// A GenAI-shaped batch as the Python SDK sends it: `spans` spans with model, tokens, team
    /// and a prompt-sized string, under one resource.
    static func genAIBatch(spans: Int) -> [UInt8] {
        func attribute(_ key: String, _ value: Opentelemetry_Proto_Common_V1_AnyValue.OneOf_Value) -> ProtoKeyValue {
            var attribute = ProtoKeyValue()
            attribute.key = key
            attribute.value.value = value
            return attribute
        }
        var scope = ProtoScopeSpans()
        scope.scope.name = "opentelemetry.instrumentation.openai"
        scope.spans = (0..<spans).map { index in
            var span = ProtoSpan()
            span.traceID = Data((0..<16).map { UInt8(truncatingIfNeeded: index &+ $0 &+ 1) })
            span.spanID = Data((0..<8).map { UInt8(truncatingIfNeeded: index &* 7 &+ $0 &+ 1) })
            span.name = "chat gpt-4o-mini"
            span.kind = .client
            span.startTimeUnixNano = 1_700_000_000_000_000_000 + UInt64(index)
            span.endTimeUnixNano = span.startTimeUnixNano + 800_000_000
            span.attributes = [
                attribute("gen_ai.system", .stringValue("openai")),
                attribute("gen_ai.request.model", .stringValue("gpt-4o-mini")),
                attribute("gen_ai.response.model", .stringValue("gpt-4o-mini-2024-07-18")),
                attribute("gen_ai.usage.input_tokens", .intValue(Int64(100 + index % 900))),
                attribute("gen_ai.usage.output_tokens", .intValue(Int64(20 + index % 300))),
                attribute("genops.team", .stringValue("checkout-team")),
                attribute("gen_ai.response.id", .stringValue("chatcmpl-\(index)-AbCdEfGhIjKlMnOpQr")),
                attribute("gen_ai.prompt", .stringValue("Summarise order #\(index) for the customer in one friendly paragraph.")),
            ]
            return span
        }
        var resource = ProtoResourceSpans()
        resource.resource.attributes = [attribute("service.name", .stringValue("checkout"))]
        resource.scopeSpans = [scope]
        var request = ProtoTraceRequest()
        request.resourceSpans = [resource]
        return (try? request.serializedBytes()) ?? []
    }

    /// Bytes charged for decoding `bytes` with no limit.
    static func charged(protobuf bytes: [UInt8]) throws -> Int {
        let allowance = DecodeAllowance(limit: .max)
        defer { allowance.deallocate() }
        try bytes.withUnsafeBytes { buffer in
            _ = try Result { () throws(OTLPDecodeError) in
                try OTLPProtobufDecoder.decodeTraces(buffer, limits: DecodeLimits(), allowance: allowance)
            }.get()
        }
        return allowance.charged
    }

    static func charged(json bytes: [UInt8]) throws -> Int {
        let allowance = DecodeAllowance(limit: .max)
        defer { allowance.deallocate() }
        try bytes.withUnsafeBytes { buffer in
            _ = try Result { () throws(OTLPDecodeError) in
                try OTLPJSONDecoder.decodeTraces(buffer, limits: DecodeLimits(), allowance: allowance)
            }.get()
        }
        return allowance.charged
    }

    @Test func honestBatchesCostWellUnderTheDefaultRatio() throws {
        for spans in [1, 64, 2048] {
            let bytes = Self.genAIBatch(spans: spans)
            let cost = try Self.charged(protobuf: bytes)
            // The ratio leaves room: what an honest batch costs is within half of it.
            #expect(cost * 2 <= DecodeLimits().maxDecodeRatio * bytes.count + DecodeLimits.decodeAllowanceFloor,
                    "\(spans) spans: \(cost) bytes charged for \(bytes.count) bytes of protobuf")
            #expect(cost >= bytes.count, "the estimate covers at least the batch's own bytes")
        }
    }

    /// Spans with nothing but ids, a name and times: small on the wire, but each costs the engine
    /// a prepared span. A collector's default batch of 8192 must still fit.
    static func bareSpans(_ count: Int) -> [UInt8] {
        var scope = ProtoScopeSpans()
        scope.spans = (0..<count).map { index in
            var span = ProtoSpan()
            span.traceID = Data((0..<16).map { UInt8(truncatingIfNeeded: index &+ $0 &+ 1) })
            span.spanID = Data((0..<8).map { UInt8(truncatingIfNeeded: index &* 7 &+ $0 &+ 1) })
            span.name = "chat"
            span.kind = .client
            span.startTimeUnixNano = 1_700_000_000_000_000_000
            span.endTimeUnixNano = 1_700_000_000_250_000_000
            return span
        }
        var resource = ProtoResourceSpans()
        resource.scopeSpans = [scope]
        var request = ProtoTraceRequest()
        request.resourceSpans = [resource]
        return (try? request.serializedBytes()) ?? []
    }

    @Test func aCollectorBatchOfBareSpansFitsItsAllowance() throws {
        let bytes = Self.bareSpans(8192)
        let cost = try Self.charged(protobuf: bytes)
        #expect(cost <= DecodeLimits().decodeAllowance(payloadBytes: bytes.count), "\(cost) bytes charged for \(bytes.count)")
        #expect(decodeError(bytes) == nil)
    }

    @Test func emptyMessagesCostFarMoreThanTheRatioAllows() throws {
        let protobuf = Self.emptyResourceSpans(10_000)
        #expect(try Self.charged(protobuf: protobuf) > DecodeLimits().maxDecodeRatio * protobuf.count)
        let json = Self.emptyResourceSpansJSON(10_000)
        #expect(try Self.charged(json: json) > DecodeLimits().maxDecodeRatio * json.count)
    }

    @Test func theAllowanceIsTheRatioPlusTheFloorUpToTheCap() {
        let limits = DecodeLimits(maxDecodedBytes: 64 << 20, maxDecodeRatio: 8)
        #expect(limits.decodeAllowance(payloadBytes: 0) == DecodeLimits.decodeAllowanceFloor)
        #expect(limits.decodeAllowance(payloadBytes: 1000) == 8000 + DecodeLimits.decodeAllowanceFloor)
        #expect(limits.decodeAllowance(payloadBytes: 64 << 20) == 64 << 20)
        #expect(DecodeLimits(maxDecodedBytes: .max, maxDecodeRatio: .max).decodeAllowance(payloadBytes: .max)
                <= DecodeLimits.largestAllowance, "no overflow, whatever the settings")
    }

    @Test(arguments: ["protobuf", "json"])
    func anAmplificationBodyFailsWithTheAllocationLimit(format: String) {
        let count = 1 << 20
        let bytes = format == "protobuf" ? Self.emptyResourceSpans(count) : Self.emptyResourceSpansJSON(count)
        let limits = DecodeLimits(maxDecodedBytes: 8 << 20)
        let error = bytes.withUnsafeBytes { buffer -> OTLPDecodeError? in
            do throws(OTLPDecodeError) {
                if format == "protobuf" {
                    _ = try OTLPProtobufDecoder.decodeTraces(buffer, limits: limits)
                } else {
                    _ = try OTLPJSONDecoder.decodeTraces(buffer, limits: limits)
                }
                return nil
            } catch {
                return error
            }
        }
        #expect(error?.kind == .allocationLimit(8 << 20))
        #expect(error?.message.hasPrefix("decoded request would need more than \(8 << 20) bytes") == true)
    }

    @Test func aBatchDecodesWithAnAllowanceOfExactlyItsCost() throws {
        let bytes = Self.genAIBatch(spans: 100)
        let cost = try Self.charged(protobuf: bytes)
        let exact = DecodeLimits(maxDecodedBytes: cost)
        #expect(decodeError(bytes, limits: exact) == nil)
        #expect(decodeError(bytes, limits: DecodeLimits(maxDecodedBytes: cost - 1))?.kind == .allocationLimit(cost - 1))
    }

    @Test(arguments: [
        // A long string is charged by its length; a repeated one (cached) once.
        (#"{"key":"k","value":{"stringValue":"\#(String(repeating: "x", count: 4000))"}}"#, 4000),
        (#"{"key":"k","value":{"bytesValue":"\#(String(repeating: "QUJD", count: 1000))"}}"#, 3000),
        (#"{"key":"k","value":{"arrayValue":{"values":[\#(Array(repeating: "{}", count: 1000).joined(separator: ","))]}}}"#,
         1000 * MemoryLayout<AttributeValue>.stride),
    ])
    func valuesAreChargedByWhatTheyHold(attribute: String, atLeast: Int) throws {
        let span = #"{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","attributes":[\#(attribute)]}"#
        let json = Array(#"{"resourceSpans":[{"scopeSpans":[{"spans":[\#(span)]}]}]}"#.utf8)
        let bare = Array(#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"}]}]}]}"#.utf8)
        // The span's own payload charge grows with its text too, so compare with that removed.
        let extra = try Self.charged(json: json) - Self.charged(json: bare) - (json.count - bare.count)
        #expect(extra >= atLeast)
    }
}
