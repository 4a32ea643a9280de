import FuzzSupport
import GovTopCore

/// libFuzzer entry point for govtop's OTLP/JSON decoder: the bytes are an export request body.
/// They are decoded as traces, metrics and logs; a trace batch must survive a round trip through
/// both encoders and feeds a small governed engine.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOTLPJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let body = UnsafeRawBufferPointer(start: size > 0 ? data : nil, count: size)
    let limits = DecodeLimits()
    SignalProbe.check(body, limits: limits, protobuf: false)
    guard let batch = try? OTLPJSONDecoder.decodeTraces(body, limits: limits) else { return 0 }
    RoundTrip.check(batch, limits: limits)
    EngineProbe.check(batch)
    return 0
}
