import Foundation
import GovTopCore
import SwiftProtobuf
#if canImport(Glibc)
import Glibc
#endif

/// Bytes held per stored span: the heap growth measured by malloc while the store fills, next to
/// the store's own estimate (which drives `--max-memory`).
enum StoreMemoryBenchmark {
    static func run(spans: Int = 100_000) -> String {
        let batchSize = 512
        let batches: [TraceBatch] = (0..<(spans / batchSize)).map { index in
            let request = GenAIBatchFixture.request(spanCount: batchSize, seed: 0x4E40_0000 + UInt64(index))
            guard let bytes = try? request.serializedBytes() as [UInt8],
                  let batch = try? OTLPProtobufDecoder.decodeTraces(bytes) else { fatalError("fixture failed") }
            return batch
        }
        let stored = batches.count * batchSize
        let wireBytes = batches.count * ((try? GenAIBatchFixture.request(spanCount: batchSize).serializedBytes() as [UInt8])?.count ?? 0)
        let engine = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: stored + 1, maxMemoryBytes: 4 << 30)))
        let before = heapInUse()
        for batch in batches { engine.ingest(batch) }
        let after = heapInUse()
        let summary = engine.summary()
        guard summary.spansStored == stored else { fatalError("stored \(summary.spansStored) of \(stored)") }
        let measured = Double(after - before) / Double(stored)
        let estimated = Double(summary.storeBytes) / Double(stored)
        return """
        store-memory: \(stored) GenAI spans (~16 attributes, 2 events each) held
          resident memory growth\(String(format: "%.0f", measured)) bytes per span
          store's estimate       \(String(format: "%.0f", estimated)) bytes per span
          OTLP protobuf size     \(String(format: "%.0f", Double(wireBytes) / Double(stored))) bytes per span
        """
    }

    /// Resident memory of the process (from /proc/self/statm). The growth while the store fills
    /// includes the engine's ledger and allocator slack, so it is an upper bound for the store alone.
    private static func heapInUse() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
