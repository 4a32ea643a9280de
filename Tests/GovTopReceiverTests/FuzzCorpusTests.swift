import Foundation
import GovTopCore
import Testing
@testable import GovTopReceiver

/// The fuzz targets' seed corpus is what the project's fixtures and encoders produce, and every seed
/// reaches the decoder it is for. `GOVTOP_RECORD_FUZZ_CORPUS=1 swift test --filter FuzzCorpusTests`
/// rewrites the generated seeds.
@Suite struct FuzzCorpusTests {
    static let recording = ProcessInfo.processInfo.environment["GOVTOP_RECORD_FUZZ_CORPUS"] == "1"

    @Test(arguments: ["otlp-protobuf", "otlp-json", "inflate"])
    func generatedSeedsAreCommitted(target: String) throws {
        let seeds: [(String, [UInt8])]
        switch target {
        case "otlp-protobuf": seeds = try FuzzSeeds.protobuf()
        case "otlp-json": seeds = try FuzzSeeds.json()
        default: seeds = try FuzzSeeds.inflate()
        }
        let folder = FuzzSeeds.corpus.appendingPathComponent(target)
        if Self.recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, bytes) in seeds { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        }
        for (name, bytes) in seeds {
            let committed = try? Data(contentsOf: folder.appendingPathComponent(name))
            #expect(committed.map(Array.init) == bytes,
                    "Tests/FuzzCorpus/\(target)/\(name) is missing or stale; re-record with GOVTOP_RECORD_FUZZ_CORPUS=1")
        }
    }

    @Test func protobufSeedsDecode() throws {
        for (name, bytes) in try FuzzSeeds.protobuf() {
            if name.hasPrefix("metrics-") {
                #expect(try OTLPProtobufDecoder.decodeMetrics(bytes).pointCount > 0, "\(name)")
            } else if name.hasPrefix("logs-") {
                #expect(try OTLPProtobufDecoder.decodeLogs(bytes).recordCount > 0, "\(name)")
            } else if name.hasPrefix("nesting-") {
                #expect(throws: OTLPDecodeError.self, "\(name) is one level too deep") {
                    try OTLPProtobufDecoder.decodeTraces(bytes)
                }
            } else {
                _ = try OTLPProtobufDecoder.decodeTraces(bytes)
            }
        }
    }

    @Test func inflateSeedsReachTheDecoders() throws {
        let limit = 1 << 20
        for (name, bytes) in try FuzzSeeds.inflate() {
            let encoding: ContentEncoding = name.hasSuffix(".gz") ? .gzip : .deflate
            let result = bytes.withUnsafeBytes { body in
                Result { () throws(InflateError) in try BoundedInflater.inflate(body, encoding: encoding, limit: limit) }
            }
            switch name {
            case "truncated.gz":
                #expect(throws: InflateError.corrupt("compressed data is truncated")) { try result.get() }
            case "bomb-1MiB-plus-1.gz":
                #expect(throws: InflateError.tooLarge(limit: limit)) { try result.get() }
            case "bomb-1MiB.raw-deflate":
                #expect(try result.get() == [UInt8](repeating: 0, count: limit))
            case _ where name.hasPrefix("empty."):
                #expect(try result.get().isEmpty)
            case _ where name.contains(".pb."):
                #expect(try OTLPProtobufDecoder.decodeTraces(try result.get()).spanCount > 0, "\(name)")
            case "two-members.gz":
                let protobuf = OTLPProtobufEncoder.encode(try FuzzSeeds.traceBatch("genai-python-sdk-batch"))
                #expect(try result.get() == protobuf + FuzzSeeds.fixture("genai-python-sdk-batch"))
            default:
                #expect(try OTLPJSONDecoder.decodeTraces(try result.get()).spanCount > 0, "\(name)")
            }
        }
    }
}
