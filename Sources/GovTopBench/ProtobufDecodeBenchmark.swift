import GovTopCore
import OTLPProto
import SwiftProtobuf

/// govtop's `OTLPProtobufDecoder` against swift-protobuf's generated decoder on the same bytes.
/// Both decode from a `[UInt8]`-backed buffer; swift-protobuf builds its generated message
/// types, govtop builds `TraceBatch`/`SpanRecord` (what the receiver needs).
struct ProtobufDecodeBenchmark: BenchmarkSection {
    let name = "protobuf-decode"
    var spanCount = 512

    func run(timer: BenchmarkTimer) -> [BenchmarkRow] {
        let request = GenAIBatchFixture.request(spanCount: spanCount)
        let bytes: [UInt8]
        do {
            bytes = try request.serializedBytes()
        } catch {
            fatalError("cannot serialize the benchmark batch: \(error)")
        }
        verify(bytes)

        let baselineLabel = "swift-protobuf generated"
        let measurements = timer.measure([
            { blackHole(try? GenAIBatchFixture.Request(serializedBytes: bytes)) },
            { blackHole(try? OTLPProtobufDecoder.decodeTraces(bytes)) },
        ])
        let (baseline, govtop) = (measurements[0], measurements[1])
        return [
            BenchmarkRow(section: name, label: baselineLabel, bytes: bytes.count, items: spanCount,
                         itemUnit: "spans", measurement: baseline, baseline: nil),
            BenchmarkRow(section: name, label: "govtop OTLPProtobufDecoder", bytes: bytes.count, items: spanCount,
                         itemUnit: "spans", measurement: govtop, baseline: baselineLabel),
        ]
    }

    /// A benchmark of a decoder that fails or loses spans would be meaningless.
    private func verify(_ bytes: [UInt8]) {
        do {
            let batch = try OTLPProtobufDecoder.decodeTraces(bytes)
            guard batch.spanCount == spanCount, batch.rejectedSpans == 0 else {
                fatalError("govtop decoded \(batch.spanCount) of \(spanCount) spans (\(batch.rejectedSpans) rejected)")
            }
        } catch {
            fatalError("govtop cannot decode the benchmark batch: \(error)")
        }
    }
}
