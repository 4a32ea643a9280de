import Testing
@testable import GovTopCore

/// Origins (resource and scope) are held while a stored span points to them and released with the
/// last one, so a stream of distinct resources neither inflates the memory estimate nor shrinks the
/// store.
@Suite struct OriginChurnTests {
    static let scope = InstrumentationScope(name: "test", version: "1")

    /// One span per resource, every resource new.
    static func churnBatch(_ index: Int, size: Int) -> TraceBatch {
        TraceBatch(resourceSpans: (0..<size).map { position in
            let number = UInt64(index * size + position + 1)
            let resource = Resource(attributes: [Attribute("service.name", .string("svc-\(number)")),
                                                 Attribute("host.id", .string("host-\(number)"))])
            return ResourceSpans(resource: resource, scopeSpans: [
                ScopeSpans(scope: scope, spans: [SpanFactory.llmCall(trace: number, id: number)]),
            ])
        }, rejectedSpans: 0)
    }

    @Test func distinctResourcesKeepTheEstimateWithinTheBoundAndTheStoreStable() {
        let maxMemory = 2 << 20
        let engine = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: 1_000_000, maxMemoryBytes: maxMemory)))
        let batchSize = 500
        var fewest = Int.max, most = 0, largestEstimate = 0
        for index in 0..<(100_000 / batchSize) {
            engine.ingest(Self.churnBatch(index, size: batchSize))
            let summary = engine.summary()
            largestEstimate = max(largestEstimate, summary.storeBytes)
            // After the first fill, the store holds about as many spans at every later point.
            if index >= 20 {
                fewest = min(fewest, summary.spansStored)
                most = max(most, summary.spansStored)
            }
        }
        let summary = engine.summary()
        #expect(summary.spansReceived == 100_000)
        #expect(largestEstimate <= maxMemory)
        #expect(fewest >= 1_000)
        #expect(Double(fewest) >= 0.9 * Double(most), "spans held drifted from \(most) down to \(fewest)")
        let origins = engine.state.withLock { $0.store.originCount }
        #expect(origins == summary.spansStored)

        // Spans of one resource push out every churned span: one origin is left, with its bytes.
        let steady = (0..<10).map { batch in
            SpanFactory.batch(service: "steady", (0..<batchSize).map { position in
                let number = UInt64(1_000_000 + batch * batchSize + position)
                return SpanFactory.llmCall(trace: number, id: number)
            })
        }
        for batch in steady where engine.summary().spansEvicted < 100_000 { engine.ingest(batch) }
        #expect(engine.summary().spansEvicted >= 100_000)
        let (count, bytes) = engine.state.withLock { ($0.store.originCount, $0.store.originBytes) }
        #expect(count == 1)
        #expect(bytes <= 1_024 + 64 * SpanOriginTable.bytesPerSlot)
    }

    @Test func releasingEverySpanReturnsTheOriginBytesToZero() {
        var table = SpanOriginTable()
        let origins = (0..<5_000).map { number in
            table.origin(sharing: SpanOrigin(resource: Resource(attributes: [Attribute("service.name", .string("svc-\(number)"))]),
                                             scope: Self.scope, resourceFacts: FactValues([])))
        }
        for origin in origins {
            table.retain(origin)
            table.retain(origin)
        }
        let again = table.origin(sharing: SpanOrigin(resource: Resource(attributes: [Attribute("service.name", .string("svc-7"))]),
                                                     scope: Self.scope, resourceFacts: FactValues([])))
        #expect(again === origins[7])
        #expect(table.count == 5_000)
        // Each origin counts its object and the facts table it holds inline.
        #expect(table.bytes > 5_000 * (128 + MemoryLayout<FactValues>.size))
        for origin in origins { table.release(origin) }
        #expect(table.count == 5_000)
        for origin in origins { table.release(origin) }
        #expect(table.count == 0)
        #expect(table.bytes == 0)
    }
}
