import CMalloc
import Foundation
import GovTopCore
import SwiftProtobuf

/// Bytes held per stored span: the heap growth malloc reports while the store fills, next to
/// the store's own estimate (which drives `--max-memory`).
enum StoreMemoryBenchmark {
    static func run(spans: Int = 100_000) -> String {
        let batchSize = 512
        let typical = (0..<(spans / batchSize)).map { TypicalGenAITraces.batch(index: $0) }
        let heavy: [TraceBatch] = (0..<(spans / batchSize)).map { index in
            let request = GenAIBatchFixture.request(spanCount: batchSize, seed: 0x4E40_0000 + UInt64(index))
            guard let bytes = try? request.serializedBytes() as [UInt8],
                  let batch = try? OTLPProtobufDecoder.decodeTraces(bytes) else { fatalError("fixture failed") }
            return batch
        }
        return [
            measure("typical GenAI spans: agent traces of 4 spans, ~15 attributes, no content events", typical),
            measure("heavy GenAI spans: content-capture events (prompt, completion), mostly one span per trace", heavy),
        ].joined(separator: "\n")
    }

    private static func measure(_ title: String, _ batches: [TraceBatch]) -> String {
        let stored = batches.reduce(0) { $0 + $1.spanCount }
        let wireBytes = batches.reduce(0) { $0 + OTLPProtobufEncoder.encode($1).count }
        let engine = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: stored, maxMemoryBytes: 4 << 30)))
        let before = heapBytesInUse()
        for batch in batches { engine.ingest(batch) }
        let after = heapBytesInUse()
        let summary = engine.summary()
        guard summary.spansStored == stored else { fatalError("stored \(summary.spansStored) of \(stored)") }
        func perSpan(_ bytes: Int) -> String { String(format: "%5.0f", Double(bytes) / Double(stored)) }
        return """
        store-memory: \(stored) \(title)
          store's estimate of bytes held  \(perSpan(summary.storeBytes)) bytes per span
          heap growth (malloc, in use)    \(perSpan(after - before)) bytes per span (includes the ledger and malloc's chunk headers)
          OTLP protobuf encoding          \(perSpan(wireBytes)) bytes per span
        """
    }

    /// Bytes malloc has handed out and not had back (arenas and mmapped chunks). Unlike resident
    /// memory it does not depend on what earlier sections freed, so the growth while the store fills
    /// is the engine's own: the store, its indexes and the ledger.
    private static func heapBytesInUse() -> Int {
        let info = mallinfo2()
        return Int(info.uordblks) + Int(info.hblkhd)
    }
}
