import Foundation
import GovTopCore
import OTLPProto
import SwiftProtobuf
import Testing

/// Decodes `bytes` with govtop's decoder and with swift-protobuf (mapped by `OracleMapping`)
/// and expects the same batch. Returns govtop's batch for further checks.
@discardableResult
func expectSameAsOracle(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> TraceBatch {
    let expected = try OracleMapping.batch(decoding: bytes)
    let actual = try OTLPProtobufDecoder.decodeTraces(bytes)
    var withoutMessage = actual
    withoutMessage.rejectionMessage = nil
    #expect(withoutMessage.comparable == expected.comparable, sourceLocation: sourceLocation)
    #expect((actual.rejectionMessage == nil) == (actual.rejectedSpans == 0), sourceLocation: sourceLocation)
    return actual
}

/// The error govtop's decoder throws for `bytes`, or nil when it decodes them.
func decodeError(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) -> OTLPDecodeError? {
    do {
        _ = try OTLPProtobufDecoder.decodeTraces(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

func serialized(_ message: some SwiftProtobuf.Message) throws -> [UInt8] {
    try message.serializedBytes()
}

func anyValue(_ value: ProtoAnyValue.OneOf_Value?) -> ProtoAnyValue {
    var result = ProtoAnyValue()
    result.value = value
    return result
}

func keyValue(_ key: String, _ value: ProtoAnyValue.OneOf_Value?) -> ProtoKeyValue {
    var result = ProtoKeyValue()
    result.key = key
    result.value = anyValue(value)
    return result
}

func protoSpan(name: String, traceByte: UInt8 = 0x11, spanByte: UInt8 = 0x22) -> ProtoSpan {
    var span = ProtoSpan()
    span.traceID = Data(repeating: traceByte, count: 16)
    span.spanID = Data(repeating: spanByte, count: 8)
    span.name = name
    return span
}

func request(_ spans: [ProtoSpan]) -> ProtoTraceRequest {
    var scopeSpans = ProtoScopeSpans()
    scopeSpans.spans = spans
    var resourceSpans = ProtoResourceSpans()
    resourceSpans.scopeSpans = [scopeSpans]
    var request = ProtoTraceRequest()
    request.resourceSpans = [resourceSpans]
    return request
}

/// An `AnyValue` holding arrays nested `depth` levels deep (depth 1 = a plain string).
func nestedArray(depth: Int) -> ProtoAnyValue {
    var value = anyValue(.stringValue("leaf"))
    for _ in 1..<depth {
        var array = Opentelemetry_Proto_Common_V1_ArrayValue()
        array.values = [value]
        value = anyValue(.arrayValue(array))
    }
    return value
}
