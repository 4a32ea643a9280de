import FuzzSupport
import GovTopCore
@testable import GovTopReceiver

/// libFuzzer entry point for `BoundedInflater`: the bytes are a request body inflated as gzip and
/// as deflate (zlib-wrapped or raw). Whatever comes out must respect the bound exactly: a body
/// that inflates to n bytes inflates the same under a limit of n and is refused under n - 1. What
/// inflates is then decoded as OTLP/protobuf and OTLP/JSON, as the receiver would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInflate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let body = UnsafeRawBufferPointer(start: size > 0 ? data : nil, count: size)
    for encoding in [ContentEncoding.gzip, .deflate] {
        let inflated: [UInt8]
        do {
            inflated = try BoundedInflater.inflate(body, encoding: encoding, limit: limit)
        } catch {
            if case .tooLarge(let reported) = error {
                FuzzCheck.require(reported == limit, "\(encoding) refused with limit \(reported), asked \(limit)")
            }
            continue
        }
        FuzzCheck.require(inflated.count <= limit, "\(encoding) inflated \(inflated.count) bytes past the limit \(limit)")
        checkBound(body, encoding: encoding, inflated: inflated)
        _ = try? OTLPProtobufDecoder.decodeTraces(inflated)
        _ = try? OTLPJSONDecoder.decodeTraces(inflated)
    }
    return 0
}

/// The receiver's default `--max-body` is larger; 1 MiB keeps a run fast and still spans many
/// of the inflater's 64 KiB output steps.
private let limit = 1 << 20

private func checkBound(_ body: UnsafeRawBufferPointer, encoding: ContentEncoding, inflated: [UInt8]) {
    do {
        let exact = try BoundedInflater.inflate(body, encoding: encoding, limit: inflated.count)
        FuzzCheck.require(exact == inflated, "\(encoding) inflates differently under a limit of exactly its size")
    } catch {
        FuzzCheck.fail("\(encoding) body of \(inflated.count) inflated bytes is refused under a limit of \(inflated.count): \(error)")
    }
    guard !inflated.isEmpty else { return }
    do {
        let short = try BoundedInflater.inflate(body, encoding: encoding, limit: inflated.count - 1)
        FuzzCheck.fail("\(encoding) body of \(inflated.count) inflated bytes passes a limit of \(inflated.count - 1) with \(short.count) bytes")
    } catch {
        FuzzCheck.require(error == .tooLarge(limit: inflated.count - 1),
                          "\(encoding) body one byte over the limit fails as \(error), not as too large")
    }
}
